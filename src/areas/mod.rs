//! Council areas and where the UK is: the tables validation and search place services
//! with, derived from ONS data by `haven-derive`.

mod land;
mod spoken;
mod table;

pub use land::UkCells;
#[cfg(feature = "derive")]
pub(crate) use land::CELL_DEGREES;
pub(crate) use land::{crown_dependency, in_uk_waters};
pub use spoken::spoken_name;
pub use table::{is_gss_code, Area, AreaTable, Nation};
