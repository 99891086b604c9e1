//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod protect;
pub use protect::{ProtectArgs, UnprotectArgs, XrefArg};

/// Sertel: electronic certificates of the regency — keys, certificate requests, PDF signing
/// and verification.
#[derive(Debug, Parser)]
#[command(name = "sertel", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// Print results as JSON on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// Language of messages: id (Bahasa Indonesia, default) or en.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// No progress bars.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Exit codes, shown under --help.
pub const EXIT_CODES: &str =
    "Exit codes: 0 success / all signatures valid; 1 a signature is invalid; \
2 a signature is indeterminate or none found; 3 usage error; 4 operation failed; \
5 batch partly failed.";

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make, inspect, import or back up a private key.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Write a certificate signing request (PKCS#10) from the owner's profile.
    Csr(CsrArgs),
    /// Sign one or many PDF files (PAdES).
    Sign(Box<SignArgs>),
    /// Check the signatures of PDF files.
    Verify(VerifyArgs),
    /// Add long-term validation data (B-LT) to signed PDFs and, with --tsa, seal it with a
    /// document timestamp (B-LTA); run it again before that timestamp's authority
    /// certificate expires to refresh an archived file.
    Ltv(LtvArgs),
    /// Encrypt a PDF for the certificates of its recipients (document protection, Pasal 12
    /// huruf b): only they can open it, each with their own key.
    Protect(ProtectArgs),
    /// Decrypt a PDF encrypted for your certificate, with your key.
    Unprotect(UnprotectArgs),
}

/// `sertel ltv`.
#[derive(Debug, Args)]
pub struct LtvArgs {
    /// The signed PDF files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Timestamp authority URL: adds a document timestamp over the data (B-LTA).
    #[arg(long)]
    pub tsa: Option<String>,
    /// A trusted CA certificate (PEM or DER file) or a folder of them; repeatable. The
    /// certificates in $SERTEL_TRUST_DIR (default ~/.config/sertel/trust) are trusted too.
    #[arg(long, value_name = "PATH")]
    pub trust: Vec<PathBuf>,
    /// Directory for the outputs (default: next to each input).
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// Added to each input's name for its output.
    #[arg(long, default_value = "-ltv")]
    pub suffix: String,
    /// Replace each input with its extended version.
    #[arg(long, conflicts_with_all = ["out_dir"])]
    pub in_place: bool,
}

/// Where the key's passphrase comes from (default: asked on the terminal).
#[derive(Debug, Args, Clone, Default)]
pub struct PassphraseArgs {
    /// Read the passphrase from this file descriptor (e.g. `--passphrase-fd 3 3<file`).
    #[arg(long, value_name = "FD")]
    pub passphrase_fd: Option<u32>,
    /// Read the passphrase from this environment variable.
    #[arg(long, value_name = "VAR")]
    pub passphrase_env: Option<String>,
}

/// Where a PKCS#12 file's password comes from (default: asked on the terminal).
#[derive(Debug, Args, Clone, Default)]
pub struct P12PasswordArgs {
    /// Read the PKCS#12 password from this file descriptor.
    #[arg(long, value_name = "FD")]
    pub p12_password_fd: Option<u32>,
    /// Read the PKCS#12 password from this environment variable.
    #[arg(long, value_name = "VAR")]
    pub p12_password_env: Option<String>,
}

/// The key commands.
#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Generate a new key, encrypted with a passphrase.
    New(KeyNewArgs),
    /// Show what a key file holds.
    Info(KeyInfoArgs),
    /// Import a key and certificate from a PKCS#12 file.
    Import(KeyImportArgs),
    /// Back up a key and certificate into a PKCS#12 file.
    Export(KeyExportArgs),
}

/// Key algorithms offered.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Algorithm {
    /// RSA 2048-bit.
    #[value(name = "rsa-2048")]
    Rsa2048,
    /// RSA 3072-bit (default).
    #[value(name = "rsa-3072")]
    Rsa3072,
    /// RSA 4096-bit.
    #[value(name = "rsa-4096")]
    Rsa4096,
    /// ECDSA on NIST P-256.
    #[value(name = "p-256")]
    P256,
}

/// `sertel key new`.
#[derive(Debug, Args)]
pub struct KeyNewArgs {
    /// The key file to write (encrypted PKCS#8 PEM, mode 0600).
    #[arg(long, short)]
    pub out: PathBuf,
    /// Key algorithm.
    #[arg(long, short, value_enum, default_value = "rsa-3072")]
    pub algorithm: Algorithm,
    /// Replace an existing key file.
    #[arg(long)]
    pub force: bool,
    /// Your full name: the passphrase must not be built from it.
    #[arg(long)]
    pub name: Option<String>,
    /// Your NIP: the passphrase must not contain it.
    #[arg(long)]
    pub nip: Option<String>,
    /// Your e-mail address: the passphrase must not contain it.
    #[arg(long)]
    pub email: Option<String>,
    /// Passphrase source.
    #[command(flatten)]
    pub passphrase: PassphraseArgs,
}

/// `sertel key info`.
#[derive(Debug, Args)]
pub struct KeyInfoArgs {
    /// The key file.
    #[arg(long, short)]
    pub key: PathBuf,
    /// Passphrase source.
    #[command(flatten)]
    pub passphrase: PassphraseArgs,
}

/// `sertel key import`.
#[derive(Debug, Args)]
pub struct KeyImportArgs {
    /// The PKCS#12 file (.p12, .pfx).
    #[arg(long)]
    pub p12: PathBuf,
    /// The key file to write.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Where to write the certificate and its chain (PEM).
    #[arg(long)]
    pub cert_out: PathBuf,
    /// Replace existing files.
    #[arg(long)]
    pub force: bool,
    /// PKCS#12 password source.
    #[command(flatten)]
    pub p12_password: P12PasswordArgs,
    /// Source of the new key file's passphrase.
    #[command(flatten)]
    pub passphrase: PassphraseArgs,
}

/// `sertel key export`.
#[derive(Debug, Args)]
pub struct KeyExportArgs {
    /// The key file.
    #[arg(long, short)]
    pub key: PathBuf,
    /// The certificate and chain (PEM, the key's certificate first).
    #[arg(long)]
    pub cert: PathBuf,
    /// The PKCS#12 file to write.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
    /// PKCS#12 password source.
    #[command(flatten)]
    pub p12_password: P12PasswordArgs,
    /// Source of the key file's passphrase.
    #[command(flatten)]
    pub passphrase: PassphraseArgs,
}

/// `sertel csr`.
#[derive(Debug, Args)]
pub struct CsrArgs {
    /// The key file.
    #[arg(long, short)]
    pub key: PathBuf,
    /// The owner's profile as JSON (full_name, nip, email, title, unit, …).
    #[arg(long, required_unless_present = "seal", conflicts_with = "seal")]
    pub profile: Option<PathBuf>,
    /// Make the request of an electronic seal (segel elektronik) for this Perangkat Daerah,
    /// e.g. "Dinas Komunikasi dan Informatika", instead of a person's.
    #[arg(long, value_name = "AGENCY")]
    pub seal: Option<String>,
    /// The agency's official e-mail address for the seal's certificate (optional).
    #[arg(long, value_name = "EMAIL", requires = "seal")]
    pub seal_email: Option<String>,
    /// The regency profile as JSON (organization, locality, state, country, email_domain);
    /// default: Kabupaten Muara Enim.
    #[arg(long)]
    pub regency: Option<PathBuf>,
    /// Where to write the request (PEM); `-` for stdout.
    #[arg(long, short, default_value = "-")]
    pub out: PathBuf,
    /// Passphrase source.
    #[command(flatten)]
    pub passphrase: PassphraseArgs,
}

/// The PAdES level.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LevelArg {
    /// Signature only.
    #[value(name = "b-b")]
    BB,
    /// Signature with an RFC 3161 timestamp (needs --tsa).
    #[value(name = "b-t")]
    BT,
    /// B-T plus the validation data (certificates, OCSP/CRL answers) inside the file, so it
    /// can be validated offline for years (needs --tsa and the issuer's root trusted).
    #[value(name = "b-lt")]
    BLt,
    /// B-LT sealed by a document timestamp (needs --tsa and the issuer's root trusted).
    #[value(name = "b-lta")]
    BLta,
}

/// The signature sub-filter.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SubFilterArg {
    /// ETSI.CAdES.detached (PAdES, default).
    Etsi,
    /// adbe.pkcs7.detached.
    Adbe,
}

/// What a certification signature lets later revisions change (DocMDP).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CertifyArg {
    /// Nothing but validation data and document timestamps (/P 1).
    NoChanges,
    /// Filling in forms and further signatures (/P 2).
    FormFilling,
    /// Forms, signatures and comments (/P 3).
    Annotations,
}

/// `sertel sign`.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The PDF files to sign.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The key file.
    #[arg(long, short)]
    pub key: PathBuf,
    /// The certificate and chain (PEM, the key's certificate first).
    #[arg(long, short)]
    pub cert: PathBuf,
    /// Output file (only with a single input).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Directory for the outputs (default: next to each input).
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// Added to each input's name for its output.
    #[arg(long, default_value = "-signed")]
    pub suffix: String,
    /// Replace existing outputs (even the input itself, if --out names it).
    #[arg(long)]
    pub overwrite: bool,
    /// PAdES level (default: b-lt when --tsa is given, so that the file carries what a
    /// validator needs offline; b-b without a timestamp server).
    #[arg(long, value_enum)]
    pub level: Option<LevelArg>,
    /// Timestamp authority URL (for b-t, b-lt and b-lta).
    #[arg(long)]
    pub tsa: Option<String>,
    /// For b-lt and b-lta: a trusted CA certificate (PEM or DER file) or a folder of them;
    /// repeatable. The certificates in $SERTEL_TRUST_DIR (default ~/.config/sertel/trust) are
    /// trusted too.
    #[arg(long, value_name = "PATH")]
    pub trust: Vec<PathBuf>,
    /// Signature sub-filter.
    #[arg(long, value_enum, default_value = "etsi")]
    pub subfilter: SubFilterArg,
    /// Reason for signing.
    #[arg(long)]
    pub reason: Option<String>,
    /// Place of signing.
    #[arg(long)]
    pub location: Option<String>,
    /// Contact information.
    #[arg(long)]
    pub contact: Option<String>,
    /// Visible signature: PAGE,X,Y,WIDTH,HEIGHT in points (page 0 = last page). Without
    /// --specimen: the plain framed box with name and date. With --specimen: the specimen's
    /// box, X and Y from the lower-left of the page as shown (after /Rotate); PAGE may be
    /// overridden by --page.
    #[arg(long, value_name = "PAGE,X,Y,W,H")]
    pub visible: Option<String>,
    /// The Indonesian signature specimen: logo, "Ditandatangani secara elektronik oleh:",
    /// jabatan, name with titles, pangkat, NIP, a QR code of this document's verification URL
    /// and the issuer footer. Placed at --visible, else where --marker stands. Needs
    /// --verify-url.
    #[arg(long, conflicts_with_all = ["seal", "paraf"])]
    pub specimen: bool,
    /// The agency's electronic seal (segel elektronik), signed with the agency's organisation
    /// certificate as the document's first signature, certifying it (DocMDP, --certify
    /// form-filling by default, so paraf and signatures may follow). Its block reads "Disegel
    /// secara elektronik oleh:", the agency (the certificate's CN, or --name-with-titles) and
    /// its organisation, with the QR code and the issuer footer. Placed at --visible, else
    /// where --marker (default $segel$) stands. Needs --verify-url.
    #[arg(long, conflicts_with = "paraf")]
    pub seal: bool,
    /// Make the signature a certification (the document's first signature only): what later
    /// revisions may change without breaking it.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub certify: Option<CertifyArg>,
    /// A paraf: the compact initials mark of a drafting official (initials, name, jabatan,
    /// date), as its own approval signature before the head signs. Placed at --visible, else
    /// where --marker (default $paraf$) stands; --specimen-size sets its size at a marker
    /// (default 150x42).
    #[arg(long)]
    pub paraf: bool,
    /// The initials the paraf shows (default: taken from the name).
    #[arg(long)]
    pub initials: Option<String>,
    /// Public verification URL with {id} where the document id goes, e.g.
    /// https://tte.muaraenimkab.go.id/v/{id} (the id is printed and in --json output).
    #[arg(long, value_name = "URL", env = "SERTEL_VERIFY_URL")]
    pub verify_url: Option<String>,
    /// Marker text in the letter that the specimen replaces (default $ttd$ when no --visible
    /// box is given; $segel$ for --seal, $paraf$ for --paraf). It must occur once, unless
    /// --marker-first.
    #[arg(long, value_name = "TEXT")]
    pub marker: Option<String>,
    /// Use the first occurrence of the marker when it occurs more than once.
    #[arg(long)]
    pub marker_first: bool,
    /// Size of the specimen at a marker, WIDTHxHEIGHT in points (default 270x125).
    #[arg(long, value_name = "WxH")]
    pub specimen_size: Option<String>,
    /// Page for the specimen at --visible: first, last or a number (1-based).
    #[arg(long, value_name = "first|last|N")]
    pub page: Option<String>,
    /// Logo for the specimen (PNG, transparency kept, or JPEG).
    #[arg(long, value_name = "FILE")]
    pub logo: Option<PathBuf>,
    /// The signer's position (jabatan) for the specimen.
    #[arg(long)]
    pub jabatan: Option<String>,
    /// Rank and grade (pangkat/golongan) for the specimen, e.g. "Pembina Tingkat I (IV/b)".
    #[arg(long)]
    pub pangkat: Option<String>,
    /// Full name with academic titles for the specimen (default: the certificate's name).
    #[arg(long)]
    pub name_with_titles: Option<String>,
    /// NIP for the specimen (default: the certificate subject's serial number).
    #[arg(long)]
    pub nip: Option<String>,
    /// Footer for the specimen instead of the issuer's customary wording ({issuer} becomes
    /// the issuing CA's name).
    #[arg(long, value_name = "TEXT")]
    pub footer: Option<String>,
    /// Write a preview (the letter as it will look, unsigned) to this file instead of
    /// signing; needs no key passphrase.
    #[arg(long, value_name = "FILE")]
    pub preview: Option<PathBuf>,
    /// Name of the signature field. When the PDF has an empty signature field of this name
    /// (one made with --empty-field), the signature goes into it and takes its rectangle.
    #[arg(long, visible_alias = "field", value_name = "NAME")]
    pub field_name: Option<String>,
    /// An empty signature field to add with this signature for a later signer, who signs
    /// into it with --field NAME: NAME=PAGE,X,Y,W,H (points, as --visible) or NAME=MARKER
    /// (the marker's place, 270x125). Repeatable. A certifying seal makes these for the
    /// signers after it: at --certify form-filling a later signature may fill a field but not
    /// add a visible one.
    #[arg(long, value_name = "NAME=BOX|MARKER")]
    pub empty_field: Vec<String>,
    /// Parallel jobs (default: number of cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Passphrase source.
    #[command(flatten)]
    pub passphrase: PassphraseArgs,
}

impl SignArgs {
    /// The level asked for, or the default: B-LT with a timestamp server, B-B without.
    pub fn level(&self) -> LevelArg {
        self.level.unwrap_or(if self.tsa.is_some() {
            LevelArg::BLt
        } else {
            LevelArg::BB
        })
    }
}

/// What an unknown revocation status makes of a signature.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RevocationArg {
    /// A warning; the signature can still pass.
    Soft,
    /// The signature is indeterminate (TRY_LATER).
    Hard,
}

/// `sertel verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The PDF files to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// A trusted CA certificate (PEM or DER file) or a folder of them; repeatable. The
    /// certificates in $SERTEL_TRUST_DIR (default ~/.config/sertel/trust) are trusted too.
    #[arg(long, value_name = "PATH")]
    pub trust: Vec<PathBuf>,
    /// A CRL file (DER or PEM) to use for revocation checking; repeatable.
    #[arg(long, value_name = "FILE")]
    pub crl: Vec<PathBuf>,
    /// What an unknown revocation status counts as.
    #[arg(long, value_enum, default_value = "soft")]
    pub revocation: RevocationArg,
    /// Do not ask the OCSP responders or download the CRLs named in the certificates.
    #[arg(long)]
    pub offline: bool,
    /// Also write a PDF validation report covering every file, in the language of --lang.
    #[arg(long, value_name = "FILE.pdf")]
    pub report: Option<PathBuf>,
    /// Replace an existing report file.
    #[arg(long, requires = "report")]
    pub overwrite: bool,
}
