//! Placeholder: the PDF object reader and incremental writer live here.
