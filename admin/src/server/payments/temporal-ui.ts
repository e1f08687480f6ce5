// Links into the Temporal Web UI (TEMPORAL_UI_URL), for staff who need the raw history.

/** `<ui>/namespaces/<ns>/workflows/<workflowId>`, or null when no UI is configured. */
export const temporalUiWorkflowUrl = ({ uiUrl, namespace, workflowId }: { uiUrl: string | undefined; namespace: string; workflowId: string }): string | null =>
  uiUrl ? `${uiUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}` : null;
