// A scenario drives a browser through several pages and waits for events to travel through Kafka.
jest.setTimeout(180_000);
