import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Console } from './model/createConsole';

export const ConsoleContext = createContext<Console>(null as unknown as Console);

/** The console model of the app being rendered. */
export const useConsole = (): Console => useContext(ConsoleContext);
