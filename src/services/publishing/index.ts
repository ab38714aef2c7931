// The door of src/services/publishing: everything other folders use from it, and nothing else.
export { diffVersions, previewPublish, publishDraft, PublishError, type VersionDiff } from './publishing.js';
