export { Timeline, type TimelineProps } from './Timeline.js';
export { TimelineGroupView, type TimelineGroupViewProps } from './TimelineGroupView.js';
export { TimelineEventPill, type TimelineEventPillProps } from './TimelineEventPill.js';
export { TimelineCallCard, formatCallDuration, type TimelineCallCardProps } from './TimelineCallCard.js';
export { TimelineKindFilter, type TimelineKindFilterProps } from './TimelineKindFilter.js';
export {
  TIMELINE_FILTERS,
  TIMELINE_FILTER_LABELS,
  parseTimelineFilter,
  timelineFilterKinds,
  type TimelineFilter,
} from './timeline-filters.js';
export { TimelineBody, LONG_ENTRY_CHARS, type TimelineBodyProps } from './TimelineBody.js';
export {
  TimelineAttachments,
  defaultAttachmentUrl,
  formatFileSize,
  type TimelineAttachmentsProps,
} from './TimelineAttachments.js';
export { DateSeparator, type DateSeparatorProps } from './DateSeparator.js';
export { StatusBadge, type StatusBadgeProps } from './StatusBadge.js';
export { PriorityBadge, type PriorityBadgeProps } from './PriorityBadge.js';
export { Icon, type IconName, type IconProps } from './Icon.js';
export { RelativeTime, type RelativeTimeProps } from './RelativeTime.js';
export {
  buildTimelineItems,
  isVisibleTo,
  sortEntries,
  GROUP_WINDOW_MS,
  type TimelineItem,
  type TimelineGroup,
  type TimelineEventItem,
  type TimelineCallItem,
  type TimelineDaySeparator,
} from './timeline-model.js';
export {
  DEFAULT_TIMELINE_LABELS,
  OUTBOUND_CHANNELS,
  describeEvent,
  type TimelineLabels,
} from './timeline-labels.js';
export {
  LINK_EVENT_FIELDS,
  describeLinkEvent,
  isLinkEventField,
  linkLabel,
  linkWording,
  type LinkEventField,
  type LinkWording,
} from './link-labels.js';
export {
  AGENT_STATUS_LABELS,
  LEVEL_LABELS,
  CHANNEL_LABELS,
  statusLabel,
  levelLabel,
  channelLabel,
  humanize,
  type Viewer,
} from './labels.js';
export {
  formatRelativeTime,
  formatShortDate,
  formatClockTime,
  formatFullDateTime,
  formatDayLabel,
  dayKey,
  toDate,
  isValidTimeZone,
  type DateInput,
} from './relative-time.js';
export {
  CUSTOM_FIELD_PREFIX,
  customFieldName,
  customFieldsFromForm,
  rawCustomFields,
  formatCustomFieldValue,
  customFieldErrors,
  type RawCustomFields,
  type ParsedCustomFields,
} from './custom-fields.js';
export {
  FILTER_KEYS,
  FIELD_FILTER_PREFIX,
  QUICK_FILTERS,
  OPEN_STATUSES,
  filtersFromSearch,
  listInput,
  queueHref,
  sortHref,
  isFiltered,
  activeQuickFilter,
  type QueueFilters,
} from './queue-query.js';
export {
  WORKFLOW_FIELD_PREFIX,
  workflowFieldName,
  gridOf,
  workflowValuesOf,
  workflowFromForm,
  transitionsOf,
  transitionCount,
  describeWorkflow,
  reachableFrom,
  checkWorkflow,
  type Transitions,
  type WorkflowMode,
  type WorkflowGrid,
  type WorkflowValues,
  type WorkflowCheck,
} from './workflow-form.js';
export { SlaBadges, type SlaBadgesProps } from './SlaBadges.js';
export { slaBadges, formatDuration, type SlaBadgeModel } from './sla-badge.js';
export { parseWeeklyHours, formatWeeklyHours, parseHolidays, formatHolidays, parseMinutes, formatMinutes } from './sla-forms.js';
export { LIVE_PATH, liveClient, sinceLoaded, useLive, useDebounced } from './live.js';
export { useStickyMessage } from './sticky-message.js';
export { inlineCidImages, inlinedIds } from './inline-images.js';
