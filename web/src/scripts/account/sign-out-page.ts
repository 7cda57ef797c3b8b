/** The sign-out page forgets this tab's tokens. */
import { clearSession } from '../common/session.ts';

clearSession();
