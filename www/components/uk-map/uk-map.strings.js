// The English wording of uk-map; other languages in www/translations/<code>.json.
// A count's key has one form for each plural category of the language ({n} decides).
export default {
  map_uk: "Map of the UK.",
  map_summary: "Map: {details}.",
  map_separator: ", ",
  map_avoid_one: "{n} place to avoid",
  map_avoid_other: "{n} places to avoid",
  map_area: "the search area",
  map_results_one: "{n} result",
  map_results_other: "{n} results",
  map_note: "Each service is shown at its council area, never at its address. The list gives the same information.",
  map_avoid_zone: "Place to avoid: {label}",
  map_search_area: "Search area: {label}",
  map_result: "{number}. {label}",
  map_key_avoid: "Place to avoid",
  map_key_area: "Search area",
  map_key_result: "Result, numbered as in the list",
};
