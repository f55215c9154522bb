import type { ManagerChat } from '../../shared/managerApi';
import type { ConsoleStrings } from '../i18n';

/** The customer's name, else their member id, else "Customer" and the end of their id. */
export const customerName = (chat: ManagerChat, t: ConsoleStrings): string =>
  chat.user.name || chat.user.memberId || t.customer((chat.userId || chat.id).slice(-6));
