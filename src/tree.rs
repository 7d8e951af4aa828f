//! The R-tree that both the directory and the gazetteer search, so the wasm carries one
//! copy of its code. Points are keyed by [`LatLon::tree_key`]: the straight-line
//! distance between unit vectors grows with great-circle distance, so nearest-first order
//! is exact at every UK latitude.

use crate::geometry::{chord_to_km, LatLon};
use rstar::primitives::GeomWithData;
use rstar::RTree;

/// A tree entry: a point's key and its position in the owner's list.
pub(crate) type Entry = GeomWithData<[f32; 3], u32>;

/// Node sizes. Measured at 100 000 services: 12 builds 10% faster than rstar's default
/// of 6, with the same query time.
#[derive(Debug, Clone)]
pub(crate) struct Params;

impl rstar::RTreeParams for Params {
    const MIN_SIZE: usize = 4;
    const MAX_SIZE: usize = 12;
    const REINSERTION_COUNT: usize = 4;
    type DefaultInsertionStrategy = rstar::RStarInsertionStrategy;
}

/// Points with their positions, nearest first on request.
#[derive(Debug, Clone)]
pub(crate) struct PointTree(RTree<Entry, Params>);

impl PointTree {
    /// Bulk-loads `(point, position)` pairs.
    pub fn new(points: impl IntoIterator<Item = (LatLon, u32)>) -> PointTree {
        let entries = points
            .into_iter()
            .map(|(p, i)| GeomWithData::new(p.tree_key(), i))
            .collect();
        PointTree(RTree::bulk_load_with_params(entries))
    }

    /// Positions nearest first, each with its distance in km from `origin` as the tree
    /// measures it (within about a metre of the exact distance).
    pub fn nearest(&self, origin: LatLon) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.0
            .nearest_neighbor_iter_with_distance_2(&origin.tree_key())
            .map(|(entry, d2)| (entry.data, chord_to_km(f64::from(d2).sqrt())))
    }

    /// Heap bytes the tree's nodes and entries use, for the memory budget.
    pub fn heap_bytes(&self) -> usize {
        fn walk(node: &rstar::ParentNode<Entry>) -> usize {
            std::mem::size_of_val(node.children())
                + node
                    .children()
                    .iter()
                    .map(|c| match c {
                        rstar::RTreeNode::Parent(p) => walk(p),
                        rstar::RTreeNode::Leaf(_) => 0,
                    })
                    .sum::<usize>()
        }
        walk(self.0.root())
    }
}
