//! A maintainer's mapping: which services of a council's feed Haven takes, and what Haven
//! needs that ORUK has no field for (kind, area, confidentiality, eligibility), kept as a
//! TOML file beside the feed. `data/README.md` documents it with a worked example.
//!
//! Every value is checked when the mapping is read (a kind, need or community code, a
//! council name), so a typo is one error naming its line, not a wrong directory.

use crate::areas::AreaTable;
use crate::input::RawService;
use crate::model::{Community, Gender, Kind, Language, Need, Referral};
use crate::problem::Problem;
use crate::text::fold;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A checked mapping file.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Where it was read from, for messages.
    name: String,
    /// `[select]`: whole terms (folded) and service ids. `None`: no `[select]` table.
    select: Option<Select>,
    /// `[terms."…"]`, keyed by the folded term.
    terms: BTreeMap<String, (String, Rule)>,
    /// `[services."…"]`, keyed by service id.
    services: BTreeMap<String, Rule>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Select {
    #[serde(default)]
    terms: Vec<String>,
    #[serde(default)]
    ids: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    select: Option<Select>,
    #[serde(default)]
    terms: BTreeMap<String, Rule>,
    #[serde(default)]
    services: BTreeMap<String, Rule>,
}

/// What one `[terms."…"]` or `[services."…"]` table sets.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    kind: Option<Kind>,
    /// A council's GSS code or name; resolved to a code when the mapping is read.
    area: Option<String>,
    confidential: Option<bool>,
    communities: Option<Vec<Community>>,
    genders: Option<Vec<Gender>>,
    languages: Option<Vec<Language>>,
    referral: Option<Vec<Referral>>,
    needs: Option<Needs>,
    trans_inclusive: Option<bool>,
    children: Option<bool>,
    max_boy_age: Option<i64>,
    max_household: Option<i64>,
    min_age: Option<i64>,
    max_age: Option<i64>,
}

/// `needs = ["wheelchair", "pets"]` (each stated true), or `needs = { nrpf = false }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Needs {
    List(Vec<Need>),
    Table(BTreeMap<Need, bool>),
}

/// Why a service was taken from a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selected {
    /// Its id is in `[select] ids`.
    ById,
    /// It has a term in `[select] terms`.
    ByTerm(String),
    /// No `[select]`: its own terms name a Haven kind, or use Haven's taxonomy.
    ByHavenTerms,
}

/// One taxonomy term of a service, as the mapping matches it.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermName {
    /// Its name (`term` or `name`), id and code, each as written.
    pub words: Vec<String>,
}

impl TermName {
    fn matches(&self, folded: &str) -> bool {
        self.words.iter().any(|w| fold(w) == folded)
    }
}

impl Mapping {
    /// Reads and checks a mapping file; every problem in it at once.
    pub fn parse(name: &str, text: &str, areas: &AreaTable) -> Result<Mapping, Vec<Problem>> {
        let file: File = toml::from_str(text).map_err(|e| {
            vec![Problem::error(
                name,
                "-",
                "toml",
                format!("expected a Haven mapping (data/README.md): {e}"),
            )]
        })?;
        let mut problems = Vec::new();
        let mut check = |table: String, mut rule: Rule| {
            if let Some(area) = rule.area.take() {
                match areas.get(area.trim()).or_else(|| areas.by_name(&area)) {
                    Some(found) => rule.area = Some(found.code.clone()),
                    None => problems.push(Problem::error(
                        name,
                        &table,
                        "area",
                        format!("expected a council's GSS code or name, such as \"E06000023\" or \"Bristol\"; found {area:?}, which is neither"),
                    )),
                }
            }
            for (field, value) in [
                ("max_boy_age", rule.max_boy_age),
                ("max_household", rule.max_household),
                ("min_age", rule.min_age),
                ("max_age", rule.max_age),
            ] {
                if value.is_some_and(|v| !(0..=120).contains(&v)) {
                    problems.push(Problem::error(
                        name,
                        &table,
                        field,
                        format!(
                            "expected a whole number from 0 to 120, found {}",
                            value.unwrap_or(0)
                        ),
                    ));
                }
            }
            rule
        };
        let terms = file
            .terms
            .into_iter()
            .map(|(term, rule)| {
                let rule = check(format!("[terms.{term:?}]"), rule);
                (fold(&term), (term, rule))
            })
            .collect();
        let services = file
            .services
            .into_iter()
            .map(|(id, rule)| {
                let rule = check(format!("[services.{id:?}]"), rule);
                (id.trim().to_string(), rule)
            })
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Mapping {
            name: name.into(),
            select: file.select.map(|s| Select {
                terms: s.terms.iter().map(|t| fold(t)).collect(),
                ids: s.ids.iter().map(|i| i.trim().to_string()).collect(),
            }),
            terms,
            services,
        })
    }

    /// Whether the mapping has a `[select]` table, which then alone decides.
    pub(crate) fn has_select(&self) -> bool {
        self.select.is_some()
    }

    /// Why the `[select]` table takes this service, if it does.
    pub(crate) fn selects(&self, id: Option<&str>, terms: &[TermName]) -> Option<Selected> {
        let select = self.select.as_ref()?;
        if id.is_some_and(|id| select.ids.iter().any(|i| i == id)) {
            return Some(Selected::ById);
        }
        select.terms.iter().find_map(|wanted| {
            terms
                .iter()
                .find(|t| t.matches(wanted))
                .map(|t| Selected::ByTerm(t.words.first().cloned().unwrap_or_default()))
        })
    }

    /// Applies the term rules for the service's terms, then its own rule (which beats
    /// them), warning when two term rules disagree.
    pub(crate) fn apply(
        &self,
        (file, label): (&str, &str),
        id: Option<&str>,
        terms: &[TermName],
        raw: &mut RawService,
        problems: &mut Vec<Problem>,
    ) {
        let by_term: Vec<&(String, Rule)> = self
            .terms
            .iter()
            .filter(|(folded, _)| terms.iter().any(|t| t.matches(folded)))
            .map(|(_, rule)| rule)
            .collect();
        if let [(first, a), rest @ ..] = by_term.as_slice() {
            for (other, b) in rest {
                if let (Some(x), Some(y)) = (a.kind, b.kind) {
                    if x != y {
                        problems.push(Problem::warning(
                            file,
                            label,
                            "kind",
                            format!("{}: term rules [terms.{first:?}] and [terms.{other:?}] give kinds {x} and {y}; using {x}, the first in order of term; set kind in [services.{:?}] to choose", self.name, id.unwrap_or(label)),
                        ));
                    }
                }
            }
        }
        let own = id.and_then(|id| self.services.get(id));
        // Later rules win, so term rules go in reverse and the service's own rule last.
        for rule in by_term.iter().rev().map(|(_, r)| r).chain(own) {
            rule.apply(raw);
        }
    }

    /// Ids with a `[services."…"]` rule, for checking each names a service of the feed.
    pub fn service_ids(&self) -> impl Iterator<Item = &str> {
        self.services.keys().map(String::as_str)
    }

    /// Ids in `[select] ids`.
    pub fn selected_ids(&self) -> impl Iterator<Item = &str> {
        self.select
            .iter()
            .flat_map(|s| s.ids.iter().map(String::as_str))
    }

    /// Terms in `[select] terms` and `[terms."…"]` tables, folded, with how each was
    /// written.
    pub fn term_names(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .terms
            .iter()
            .map(|(folded, (written, _))| (folded.clone(), written.clone()))
            .collect();
        for t in self.select.iter().flat_map(|s| &s.terms) {
            if !out.iter().any(|(f, _)| f == t) {
                out.push((t.clone(), t.clone()));
            }
        }
        out
    }

    /// The mapping's name, for messages.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Codes as the raw record holds them.
fn codes<T: std::fmt::Display>(list: &[T]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

impl Rule {
    fn apply(&self, raw: &mut RawService) {
        if let Some(kind) = self.kind {
            raw.kind = Some(kind.code().into());
        }
        if let Some(area) = &self.area {
            // Where a confidential service is known comes from this too (see `parse`).
            raw.coverage = vec![area.clone()];
        }
        match self.confidential {
            Some(true) => raw.precision = Some("area".into()),
            Some(false) if raw.precision.as_deref() == Some("area") => raw.precision = None,
            _ => {}
        }
        if let Some(list) = &self.communities {
            raw.communities = codes(list);
        }
        if let Some(list) = &self.genders {
            raw.eligibility.genders = codes(list);
        }
        if let Some(list) = &self.languages {
            raw.languages = list.iter().map(|l| l.code().to_string()).collect();
        }
        if let Some(list) = &self.referral {
            raw.referral = codes(list);
        }
        let stated: Vec<(Need, bool)> = match &self.needs {
            Some(Needs::List(list)) => list.iter().map(|n| (*n, true)).collect(),
            Some(Needs::Table(table)) => table.iter().map(|(n, b)| (*n, *b)).collect(),
            None => Vec::new(),
        };
        for (need, value) in stated {
            raw.eligibility
                .needs
                .insert(need.code().into(), Value::Bool(value));
        }
        let e = &mut raw.eligibility;
        e.trans_inclusive = self.trans_inclusive.or(e.trans_inclusive);
        e.children = self.children.or(e.children);
        e.max_boy_age = self.max_boy_age.or(e.max_boy_age);
        e.max_household = self.max_household.or(e.max_household);
        e.min_age = self.min_age.or(e.min_age);
        e.max_age = self.max_age.or(e.max_age);
    }
}
