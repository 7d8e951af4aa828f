//! The spatial index both the directory and the gazetteer search, so the wasm carries one
//! copy of its code. Points are keyed by [`LatLon::tree_key`]: the straight-line
//! distance between unit vectors grows with great-circle distance, so nearest-first order
//! is exact at every UK latitude.
//!
//! A static, packed R-tree, as flatbush builds one: the points sorted along a Z-order
//! curve, then every 16 consecutive points (and, above them, every 16 nodes) under one
//! bounding box, searched best-first with one heap. It replaced rstar, whose dynamic
//! tree's bulk loading (median selection and `powf`) measured 4.1 KB of the wasm, which
//! the 80 KB budget needed for the checks on every argument from JavaScript; a directory
//! is built once and never changes, so nothing of the dynamic tree was used. The property
//! tests compare its answers with a scan of every record.

use crate::geometry::{chord_to_km, LatLon};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Entries (or nodes) under one box.
const NODE: usize = 16;
/// Marks a heap entry as a point rather than a node.
const POINT: u32 = 1 << 31;

/// Points with their positions, nearest first on request.
#[derive(Debug, Clone, Default)]
pub(crate) struct PointTree {
    /// Keys and positions, in Z order.
    points: Vec<([f32; 3], u32)>,
    /// Every node's box (min x, y, z, max x, y, z), the level above the points first and
    /// the root last.
    boxes: Vec<[f32; 6]>,
    /// Where each level's boxes start in `boxes`, and its end.
    levels: Vec<usize>,
}

/// The Z-order position of a key: each coordinate (in -1..1) to 21 bits, interleaved.
fn z_order(key: [f32; 3]) -> u64 {
    let spread = |v: f32| {
        let mut x =
            (((f64::from(v) + 1.0) * 0.5).clamp(0.0, 1.0) * f64::from((1u32 << 21) - 1)) as u64;
        x = (x | x << 32) & 0x1f_0000_0000_ffff;
        x = (x | x << 16) & 0x1f_0000_ff00_00ff;
        x = (x | x << 8) & 0x100f_00f0_0f00_f00f;
        x = (x | x << 4) & 0x10c3_0c30_c30c_30c3;
        (x | x << 2) & 0x1249_2492_4924_9249
    };
    spread(key[0]) | spread(key[1]) << 1 | spread(key[2]) << 2
}

fn grow(b: &mut [f32; 6], other: &[f32; 6]) {
    for axis in 0..3 {
        b[axis] = b[axis].min(other[axis]);
        b[axis + 3] = b[axis + 3].max(other[axis + 3]);
    }
}

/// Squared distance from `p` to the nearest point of box `b` (0 inside it).
fn box_distance_2(p: [f32; 3], b: &[f32; 6]) -> f32 {
    (0..3)
        .map(|axis| {
            let d = (b[axis] - p[axis]).max(p[axis] - b[axis + 3]).max(0.0);
            d * d
        })
        .sum()
}

fn distance_2(a: [f32; 3], b: [f32; 3]) -> f32 {
    (0..3)
        .map(|axis| (a[axis] - b[axis]) * (a[axis] - b[axis]))
        .sum()
}

impl PointTree {
    /// Builds the tree of `(point, position)` pairs.
    pub fn new(points: impl IntoIterator<Item = (LatLon, u32)>) -> PointTree {
        let mut points: Vec<([f32; 3], u32)> =
            points.into_iter().map(|(p, i)| (p.tree_key(), i)).collect();
        points.sort_unstable_by_key(|(key, i)| (z_order(*key), *i));
        let mut boxes: Vec<[f32; 6]> = points
            .chunks(NODE)
            .map(|chunk| {
                let mut b = [f32::MAX, f32::MAX, f32::MAX, f32::MIN, f32::MIN, f32::MIN];
                for (k, _) in chunk {
                    grow(&mut b, &[k[0], k[1], k[2], k[0], k[1], k[2]]);
                }
                b
            })
            .collect();
        let mut levels = vec![0, boxes.len()];
        while levels[levels.len() - 1] - levels[levels.len() - 2] > 1 {
            let (start, end) = (levels[levels.len() - 2], levels[levels.len() - 1]);
            for group in (start..end).step_by(NODE) {
                let mut b = boxes[group];
                let children = boxes[group + 1..(group + NODE).min(end)].to_vec();
                for c in &children {
                    grow(&mut b, c);
                }
                boxes.push(b);
            }
            levels.push(boxes.len());
        }
        PointTree {
            points,
            boxes,
            levels,
        }
    }

    /// Positions nearest first, each with its distance in km from `origin` as the tree
    /// measures it (within about a metre of the exact distance).
    pub fn nearest(&self, origin: LatLon) -> impl Iterator<Item = (u32, f64)> + '_ {
        let p = origin.tree_key();
        // Squared distances are non-negative floats, which order as their bits do.
        let mut heap: BinaryHeap<Reverse<(u32, u32)>> = BinaryHeap::new();
        let top = self.levels.len().saturating_sub(2);
        if let (Some(&start), Some(&end)) = (self.levels.get(top), self.levels.get(top + 1)) {
            for node in start..end {
                heap.push(Reverse((
                    box_distance_2(p, &self.boxes[node]).to_bits(),
                    node as u32,
                )));
            }
        }
        std::iter::from_fn(move || loop {
            let Reverse((d2, id)) = heap.pop()?;
            if id & POINT != 0 {
                let (_, position) = self.points[(id & !POINT) as usize];
                return Some((position, chord_to_km(f64::from(f32::from_bits(d2)).sqrt())));
            }
            let node = id as usize;
            // The level this node is on, and so what its children are.
            let level = self
                .levels
                .windows(2)
                .position(|w| (w[0]..w[1]).contains(&node))?;
            let first = (node - self.levels[level]) * NODE;
            if level == 0 {
                let end = (first + NODE).min(self.points.len());
                for i in first..end {
                    let d2 = distance_2(p, self.points[i].0);
                    heap.push(Reverse((d2.to_bits(), i as u32 | POINT)));
                }
            } else {
                let below = self.levels[level - 1];
                let end = (below + first + NODE).min(self.levels[level]);
                for child in below + first..end {
                    let d2 = box_distance_2(p, &self.boxes[child]);
                    heap.push(Reverse((d2.to_bits(), child as u32)));
                }
            }
        })
    }

    /// Heap bytes the tree's points and boxes use, for the memory budget.
    pub fn heap_bytes(&self) -> usize {
        std::mem::size_of_val(self.points.as_slice())
            + std::mem::size_of_val(self.boxes.as_slice())
            + std::mem::size_of_val(self.levels.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_come_back_nearest_first_with_every_one_once() {
        let points: Vec<(LatLon, u32)> = (0..1000u32)
            .map(|i| {
                let lat = 50.0 + f64::from(i % 97) * 0.09;
                let lon = -5.0 + f64::from(i % 89) * 0.07;
                (LatLon::new(lat, lon), i)
            })
            .collect();
        let tree = PointTree::new(points.clone());
        let origin = LatLon::new(52.1, -0.5);
        let found: Vec<(u32, f64)> = tree.nearest(origin).collect();
        assert_eq!(found.len(), points.len());
        assert!(found.windows(2).all(|w| w[0].1 <= w[1].1));
        let mut seen: Vec<u32> = found.iter().map(|f| f.0).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..1000).collect::<Vec<_>>());
        let (nearest, _) = points
            .iter()
            .map(|(p, i)| (*i, p.distance_km(&origin)))
            .fold((0, f64::MAX), |a, b| if b.1 < a.1 { b } else { a });
        assert_eq!(found[0].0, nearest);
    }

    #[test]
    fn an_empty_tree_finds_nothing() {
        let tree = PointTree::new(Vec::new());
        assert_eq!(tree.nearest(LatLon::new(52.0, 0.0)).count(), 0);
    }
}
