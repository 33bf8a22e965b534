export { parseCsv, type CsvRecord } from './parse-csv';
