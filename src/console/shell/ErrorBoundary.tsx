import { Component, type ComponentChildren } from 'preact';
import { reportError } from '../../browser/report';

/** Keeps a rendering error inside one part of the console; the rest keeps working. */
export class ErrorBoundary extends Component<{ children: ComponentChildren; fallback: string }, { failed?: boolean }> {
  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    reportError(error);
  }

  override render() {
    return this.state.failed ? <p role="alert">{this.props.fallback}</p> : this.props.children;
  }
}
