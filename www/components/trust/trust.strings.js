// The English wording of trust: the directory's date, and a directory it refused.
export default {
  directory_checked: "Directory checked on {date}.",
  // Shown before load_failed ("The search could not load. You can still call the
  // helplines above."), which every language already has.
  directory_refused: "The directory could not be checked.",
};
