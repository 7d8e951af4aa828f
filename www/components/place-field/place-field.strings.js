// The English wording of place-field; other languages in www/translations/<code>.json.
export default {
  where_title: "Where are you, or where do you want to be?",
  easy_where_title: "Where?",
  place_label: "Postcode or town",
  place_hint: "For example MK40 1 or Aylesbury. What you type stays on this device.",
  easy_place_hint: "Type a town or postcode. It stays on your phone.",
  not_found: "No postcode or town matches \"{text}\". Check the spelling, or try a nearby town.",
  easy_not_found: "We cannot find \"{text}\". Check the spelling. Or try a town near you.",
  did_you_mean: "Did you mean:",
  easy_did_you_mean: "Did you mean:",
  no_place: "Type a postcode or a town first.",
  easy_no_place: "Type a town or postcode first.",
};
