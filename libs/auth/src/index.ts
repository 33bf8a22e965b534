// Public API of @socialmakers/auth: verifying access tokens on HTTP routes, plus minting them for
// tests, the CLI and (later) the gateway's sign-in.
export { Role, ALL_ROLES, isRole } from './role';
export type { Principal } from './principal';
export { ACCESS_TOKEN_ISSUER, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ALGORITHM } from './access-token.constants';
export { mintToken, type MintTokenOptions } from './mint-token';
export { verifyAccessToken } from './verify-access-token';
export { InvalidTokenError } from './invalid-token.error';
export { Public } from './public.decorator';
export { Roles } from './roles.decorator';
export { CurrentPrincipal } from './current-principal.decorator';
export { assertActsFor } from './assert-acts-for';
export { JwtAuthGuard } from './jwt-auth.guard';
export { AuthModule } from './auth.module';
export type { AuthModuleOptions } from './auth-options';
