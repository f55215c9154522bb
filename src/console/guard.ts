// The console reports the errors it cannot show where they happened the same way as the widget.
export { guard, reportError as report } from '../core/report';
