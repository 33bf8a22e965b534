export { RequestContext, type RequestContextValues } from './request-context';
export { rootLogger, createLogger, setServiceName, type Logger } from './logger';
export { PlatformNestLogger } from './nest-logger';
