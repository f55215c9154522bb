import { Component, type ComponentChildren } from 'preact';
import { Failure } from './Failure';
import { reportError } from '../../browser/report';

/** Keeps a rendering error inside the panel: it shows Failure instead of throwing to the page. */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, { failed?: boolean }> {
  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    reportError(error);
  }

  override render() {
    return this.state.failed ? <Failure /> : this.props.children;
  }
}
