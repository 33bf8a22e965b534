// Integration tests wait for real brokers, databases and processes: allow them two minutes each.
jest.setTimeout(120_000);
