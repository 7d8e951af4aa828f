//! The stable harness's inputs: proptest strategies that start from the committed seeds
//! and edit them the ways damaged and hostile files differ from good ones (bits flipped,
//! bytes set to boundary values, the format's hardest fragments spliced in, parts cut,
//! repeated or truncated), plus raw bytes. Proptest shrinks a failing input for us.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};

/// One edit of an input.
#[derive(Debug, Clone)]
enum Edit {
    Flip(Index, u8),
    Set(Index, u8),
    Splice(Index, &'static [u8]),
    Cut(Index, usize),
    Repeat(Index, usize, usize),
    Truncate(Index),
}

fn edit(dictionary: &'static [&'static [u8]]) -> impl Strategy<Value = Edit> {
    let boundary = select(vec![
        0u8, 1, 0x7f, 0x80, 0xfe, 0xff, b'"', b'\\', b',', b'{', b'}',
    ]);
    prop_oneof![
        4 => (any::<Index>(), 0..8u8).prop_map(|(at, bit)| Edit::Flip(at, bit)),
        3 => (any::<Index>(), prop_oneof![boundary, any::<u8>()]).prop_map(|(at, b)| Edit::Set(at, b)),
        4 => (any::<Index>(), select(dictionary.to_vec())).prop_map(|(at, w)| Edit::Splice(at, w)),
        2 => (any::<Index>(), 1..64usize).prop_map(|(at, n)| Edit::Cut(at, n)),
        1 => (any::<Index>(), 1..64usize, 1..200usize).prop_map(|(at, n, k)| Edit::Repeat(at, n, k)),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len();
        let at = |i: &Index| if len == 0 { 0 } else { i.index(len) };
        match edit {
            Edit::Flip(i, bit) if len > 0 => bytes[at(i)] ^= 1 << bit,
            Edit::Set(i, b) if len > 0 => bytes[at(i)] = *b,
            Edit::Splice(i, word) => {
                let at = at(i);
                bytes.splice(at..at, word.iter().copied());
            }
            Edit::Cut(i, n) if len > 0 => {
                let at = at(i);
                bytes.drain(at..(at + n).min(len));
            }
            Edit::Repeat(i, n, k) if len > 0 => {
                let at = at(i);
                let part = bytes[at..(at + n).min(len)].to_vec();
                for _ in 0..*k {
                    bytes.splice(at..at, part.iter().copied());
                }
            }
            Edit::Truncate(i) => bytes.truncate(at(i)),
            _ => {}
        }
    }
    bytes
}

/// Inputs for a target: mostly its seeds edited, sometimes raw bytes.
pub fn inputs(seeds: Vec<Vec<u8>>, dictionary: &'static [&'static [u8]]) -> BoxedStrategy<Vec<u8>> {
    let raw = vec(any::<u8>(), 0..512);
    if seeds.is_empty() {
        return raw.boxed();
    }
    let edited =
        (select(seeds), vec(edit(dictionary), 1..6)).prop_map(|(seed, edits)| apply(seed, &edits));
    prop_oneof![1 => raw, 9 => edited].boxed()
}
