// The survivor page's words in English: each component's own (in its folder, as
// <name>.strings.js) and the page's. The other languages are in
// www/translations/<code>.json, one file per language for translators, keyed the same.

import exit from "../components/exit/exit.strings.js";
import network from "../components/network/network.strings.js";
import languageSwitch from "../components/language-switch/language-switch.strings.js";
import helplines from "../components/helplines/helplines.strings.js";
import placeField from "../components/place-field/place-field.strings.js";
import householdForm from "../components/household-form/household-form.strings.js";
import resultsList from "../components/results-list/results-list.strings.js";
import resultCard from "../components/result-card/result-card.strings.js";
import contactLinks from "../components/contact-links/contact-links.strings.js";
import trust from "../components/trust/trust.strings.js";
import LANGUAGES from "../components/wording/languages.js";

export { LANGUAGES };

export const EN = {
  ...exit,
  ...network,
  ...languageSwitch,
  ...helplines,
  ...placeField,
  ...householdForm,
  ...resultsList,
  ...resultCard,
  ...contactLinks,
  ...trust,
  // The page's own: its title, the example banner, the search button, the safety advice
  // and the footer (its licence notices stay in English, in the words the licences give).
  brand: "Find support",
  title: "Find domestic abuse support",
  easy_title: "Find help",
  examples_banner: "This directory includes example records, marked \"Example\". They are not real services.",
  search: "Search",
  safety_link: "Staying safe online",
  safety_exit_title: "What \"Exit this page\" does",
  safety_exit: "Pressing \"Exit this page\", or the Shift key three times, hides this page at once and opens an everyday website in its place. Pressing Back does not return here.",
  safety_history: "It does not erase your browsing history. Someone looking at your history can still see that you visited this site.",
  safety_visited: "Websites you open from this page, such as a service's own site, stay in your browser's history too.",
  safety_keeps_title: "What this site keeps",
  safety_keeps: "Nothing is stored on your device: no cookies, no saved searches. What you type is never sent anywhere, not even to us, and the site address never shows what you searched for.",
  safety_private_title: "Private browsing",
  safety_private: "A private or incognito window does not keep history after you close it. Open one before you search, and close it when you finish.",
  safety_delete_title: "Your history",
  safety_delete: "If you did not use a private window, you can delete this site from your history. Only delete what you need to: an empty history can look suspicious.",
  safety_danger_title: "If you are in danger",
  safety_danger: "Call 999. If you cannot speak, stay on the line and press 55 when asked.",
  safety_page: "This advice on its own page (in English)",
  about_info: "About this information",
  attribution_services: "Services: the sources named with each service.",
  for_professionals: "For professionals",
};
