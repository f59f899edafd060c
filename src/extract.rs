//! Check-worthy sentence candidates (being written).
