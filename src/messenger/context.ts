import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Messenger } from './model/createMessenger';

export const MessengerContext = createContext<Messenger>(null as unknown as Messenger);

/** The messenger model of the panel being rendered. */
export const useMessenger = (): Messenger => useContext(MessengerContext);
