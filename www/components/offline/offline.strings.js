// The English wording of offline (the professional view is in English).
export default {
  offline_title: "Use offline on this device",
  offline_intro: "For a device you use at work only. Haven keeps a copy of this view, the directory and the place names, so a search works without a connection. Nothing you search for is kept.",
  offline_keep: "Keep Haven on this device for offline use",
  offline_remove: "Remove from this device",
  offline_off: "Not kept on this device.",
  offline_working: "Working…",
  offline_on: "Kept on this device: searches work without a connection. Vacancies update when you are online.",
  offline_removed: "Removed: nothing of Haven is kept on this device.",
  offline_failed: "The offline copy could not be made. Haven still works online.",
  offline_unsupported: "This browser cannot keep Haven for offline use.",
};
