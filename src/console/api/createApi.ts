import type { ApiErrorBody } from '../../shared/types';
import type { Manager } from '../../shared/team';

/** A refusal of the Manager API (`{ error: { code, message } }`), or `network` when there was no answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiOptions {
  /** The manager token of the session, read on every call. */
  token: () => string | null;
  /** Called on any 401: the session forgets the token and shows the sign-in again. */
  onUnauthorized: () => void;
  fetch?: typeof fetch;
  /** The server's origin and any path prefix, without a trailing slash; the page's origin by default. */
  base?: string;
}

export type Api = ReturnType<typeof createApi>;

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as ApiErrorBody;
    if (body && body.error && typeof body.error.message === 'string') return new ApiError(response.status, body.error.code, body.error.message);
  } catch {
    // Not JSON: a proxy's page, for example. The status says enough.
  }
  return new ApiError(response.status, response.status === 404 ? 'not_found' : 'http_error', `HTTP ${response.status}`);
}

/**
 * The Manager API client: JSON in and out, `Authorization: Bearer <token>` on every call, errors
 * thrown as ApiError with the server's message.
 * @example const { chats } = await api.get<{ chats: ManagerChat[] }>('/chats?state=opened')
 */
export function createApi(options: ApiOptions) {
  const root = `${options.base ?? ''}/api/manager`;
  const doFetch = (input: string, init: RequestInit) => (options.fetch ?? globalThis.fetch)(input, init);

  async function send(method: string, path: string, body?: unknown, token = options.token(), signingIn = false): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${token ?? ''}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(root + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error');
    }
    if (response.ok) return response;
    const error = await readError(response);
    // A refused password is not a refused session: the sign-in form says it itself.
    if (response.status === 401 && !signingIn) options.onUnauthorized();
    throw error;
  }

  const json = async <T>(response: Response): Promise<T> => (response.status === 204 ? (undefined as T) : ((await response.json()) as T));

  return {
    get: <T>(path: string) => send('GET', path).then(json<T>),
    post: <T>(path: string, body: unknown = {}) => send('POST', path, body).then(json<T>),
    put: <T>(path: string, body: unknown) => send('PUT', path, body).then(json<T>),
    patch: <T>(path: string, body: unknown) => send('PATCH', path, body).then(json<T>),
    delete: (path: string) => send('DELETE', path).then(() => undefined),
    /** A console sign-in: the token of a new session for the account of `email`. */
    signIn: (email: string, password: string) =>
      send('POST', '/session', { email, password }, null, true).then(json<{ token: string; manager: Manager }>),
    /** Checks a token before the session keeps it. */
    check: (token: string) => send('GET', '/profile-fields', undefined, token).then(() => undefined),
    /** A file, with the name the server suggests (Content-Disposition) when it gives one. */
    async file(path: string): Promise<{ blob: Blob; name: string | null }> {
      const response = await send('GET', path);
      const disposition = response.headers.get('content-disposition') || '';
      const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
      const name = match ? decodeURIComponent(match[1] || match[2]) : null;
      return { blob: await response.blob(), name };
    },
  };
}

/** True when the server answered that the route does not exist (an older server). */
export const isMissing = (error: unknown): boolean => error instanceof ApiError && error.status === 404 && error.code === 'not_found';
