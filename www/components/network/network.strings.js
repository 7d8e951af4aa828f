// The English wording of network: what the page says while the engine loads, or if it cannot.
export default {
  loading: "Loading the directory…",
  load_failed: "The search could not load. You can still call the helplines above.",
};
