export { localKafkaBrokers, ensureInfrastructure, assertBrokerAnswers, assertDatabaseAnswers, adminDatabaseUrl, randomSuffix, repoRoot } from './infrastructure';
export { TestDatabase } from './test-database';
export { waitFor } from './wait-for';
export { ServiceProcess, freePort, type ServiceName } from './service-process';
export { readTopic, produceRaw, type ReadRecord } from './kafka-reader';
export { metricValue } from './metrics';
export { useOwnKafkaNamespace } from './kafka-namespace';
export { logEntries } from './log-entries';
