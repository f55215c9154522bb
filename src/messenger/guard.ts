// The messenger reports its errors the core's way: to the console, never to the host page.
export { guard, reportError as report } from '../core/report';
