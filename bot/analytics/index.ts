// Analytics' public surface: the recorder the conversation service runs, the report, the privacy participant, the export.
export { createAnalyticsRecorder, RETURN_HOURS, type AnalyticsRecorder } from './recorder';
export { buildSummary, drillDown, type ReportSource } from './report';
export { parseFilter, type ReportFilter } from './filters';
export { createAnalyticsPrivacy, type AnalyticsPrivacy } from './privacy';
export { createAnalyticsRetention } from './retention';
export { createHttpExporter } from './export/http-exporter';
export type { Summary } from './summary-types';
export type { AnalyticsStore, AnalyticsWrite, SessionFacts, TurnRecord } from './types';
