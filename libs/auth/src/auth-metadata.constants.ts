/** Route metadata keys read by JwtAuthGuard. */
export const IS_PUBLIC_KEY = 'socialmakers:auth:public';
export const ROLES_KEY = 'socialmakers:auth:roles';
