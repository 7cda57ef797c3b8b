/** The sign-out page forgets this tab's tokens. */
import { clearSession } from './session.ts';

clearSession();
