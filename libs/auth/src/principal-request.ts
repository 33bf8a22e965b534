import type { Principal } from './principal';

/** Where the guard leaves the verified principal on the HTTP request. */
export interface RequestWithPrincipal {
  principal?: Principal;
}
