-- Run once by the postgres:15 image on an empty data volume
-- (mounted into /docker-entrypoint-initdb.d by docker-compose.yml).
-- One database per service; each service owns its schema and migrations.
CREATE DATABASE socialmakers_learning;
CREATE DATABASE socialmakers_events;
CREATE DATABASE socialmakers_community;
CREATE DATABASE socialmakers_analytics;
CREATE DATABASE socialmakers_gateway;
