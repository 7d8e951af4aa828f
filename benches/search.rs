//! Search and load benchmarks at 1k, 10k and 100k synthetic services.
//!
//! Before timing, every query is answered by both paths and the answers compared, so
//! the figures are for the same work. Run with `make bench`.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use haven::{
    Adult, AvoidZone, Child, Date, Directory, Gender, Household, Input, Kind, LatLon, Need,
    Pipeline, Query, Sex,
};
use rand::{Rng, SeedableRng};
use std::time::Duration;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A synthetic directory's bundle, through the same pipeline `haven build` uses.
fn bundle_of(count: usize) -> Vec<u8> {
    let today = Date::from_ymd(2026, 11, 22).unwrap();
    let text = haven::synth::synthesize(count, 42, today).to_string();
    let pipeline = Pipeline::new(today);
    let report = pipeline.check(&[Input::text("synth.json", text)]);
    let bundle = pipeline
        .bundle(report)
        .unwrap_or_else(|r| panic!("synthetic data must validate: {:?}", r.problems));
    bundle.encode().unwrap()
}

/// A mix of what people search for: a housing officer placing a family, a survivor
/// looking for someone to talk to, a wheelchair user, and a plain nearest search.
fn queries(n: usize) -> Vec<Query> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    (0..n)
        .map(|i| {
            let near = LatLon::new(rng.random_range(50.8..53.8), rng.random_range(-3.0..0.5));
            let base = Query {
                limit: Some(20),
                ..Query::near(near)
            };
            match i % 4 {
                0 => Query {
                    kinds: vec![Kind::Refuge, Kind::SpecialistRefuge, Kind::Dispersed],
                    household: Household {
                        adults: vec![Adult {
                            gender: Gender::Woman,
                            trans: false,
                            age: None,
                        }],
                        children: vec![
                            Child {
                                age: 13,
                                sex: Sex::Boy,
                            },
                            Child {
                                age: 6,
                                sex: Sex::Girl,
                            },
                        ],
                    },
                    avoid: vec![AvoidZone::around(
                        LatLon::new(near.lat + 0.1, near.lon),
                        15.0,
                    )],
                    ..base
                },
                1 => Query {
                    kinds: vec![Kind::Helpline, Kind::Outreach, Kind::Advocacy],
                    radius_km: Some(40.0),
                    ..base
                },
                2 => Query {
                    needs: vec![Need::Wheelchair],
                    ..base
                },
                _ => base,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut load = c.benchmark_group("decode_and_index");
    load.measurement_time(Duration::from_secs(5))
        .sample_size(20);
    let mut directories = Vec::new();
    for &n in &SIZES {
        let bytes = bundle_of(n);
        println!(
            "bundle of {n} services: {} bytes ({} bytes per service)",
            bytes.len(),
            bytes.len() / n
        );
        load.bench_with_input(BenchmarkId::from_parameter(n), &bytes, |b, bytes| {
            b.iter(|| Directory::from_bytes(black_box(bytes)).unwrap())
        });
        let dir = Directory::from_bytes(&bytes).unwrap();
        println!(
            "R-tree of {n} services: {} bytes ({} bytes per service)",
            dir.index_bytes(),
            dir.index_bytes() / n
        );
        directories.push((n, dir));
    }
    load.finish();

    let qs = queries(64);
    let mut search = c.benchmark_group("query");
    search
        .measurement_time(Duration::from_secs(5))
        .sample_size(20);
    for (n, dir) in &directories {
        for q in &qs {
            assert_eq!(
                dir.search(q).unwrap(),
                dir.scan(q).unwrap(),
                "index and scan disagree on {q:?}"
            );
        }
        let mut i = 0;
        search.bench_function(BenchmarkId::new("indexed", n), |b| {
            b.iter(|| {
                i = (i + 1) % qs.len();
                dir.search(black_box(&qs[i])).unwrap()
            })
        });
        search.bench_function(BenchmarkId::new("linear_scan", n), |b| {
            b.iter(|| {
                i = (i + 1) % qs.len();
                dir.scan(black_box(&qs[i])).unwrap()
            })
        });
    }
    search.finish();
}

/// Type-ahead and lookups must feel instant on a phone: well under a millisecond.
fn gazetteer(c: &mut Criterion) {
    let g = haven::Gazetteer::builtin();
    let bytes = g.encode().unwrap();
    let mut group = c.benchmark_group("gazetteer");
    group
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    group.bench_function("load", |b| {
        b.iter(|| haven::Gazetteer::decode(black_box(&bytes)).unwrap())
    });
    group.bench_function("geocode_postcode", |b| {
        b.iter(|| g.geocode(black_box("mk40 1aa")).unwrap())
    });
    group.bench_function("geocode_place", |b| {
        b.iter(|| g.geocode(black_box("Newport")).unwrap())
    });
    group.bench_function("suggest", |b| b.iter(|| g.suggest(black_box("Ayl"), 8)));
    group.bench_function("suggest_one_letter", |b| {
        b.iter(|| g.suggest(black_box("s"), 8))
    });
    group.bench_function("area_of", |b| {
        b.iter(|| g.area_of(black_box(LatLon::new(52.2, -0.5))).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench, gazetteer);
criterion_main!(benches);
