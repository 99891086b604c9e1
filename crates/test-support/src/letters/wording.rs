//! The fixed Indonesian wording of the sample letter (naskah dinas surat undangan).

/// Letterhead (kop surat): government, office, then address lines.
pub(crate) const GOVERNMENT: &str = "PEMERINTAH KABUPATEN MUARA ENIM";
pub(crate) const OFFICE: &str = "DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN";
pub(crate) const ADDRESS: [&str; 2] = [
    "Komplek Perkantoran Pemerintah Kabupaten Muara Enim, Jalan Jenderal Sudirman No. 1, \
     Muara Enim, Sumatera Selatan 31315",
    "Telepon (0734) 421100, Pos-el diskominfo@muaraenimkab.go.id, \
     Laman diskominfo.muaraenimkab.go.id",
];

/// Labels of the letter's particulars, in order: number, nature, enclosures, subject.
pub(crate) const NOMOR: &str = "Nomor";
pub(crate) const SIFAT: (&str, &str) = ("Sifat", "Biasa");
pub(crate) const LAMPIRAN: (&str, &str) = ("Lampiran", "1 (satu) berkas");
pub(crate) const HAL: &str = "Hal";

/// The opening paragraph.
pub(crate) const OPENING: &str = "Dalam rangka mendukung penerapan Sistem Pemerintahan Berbasis \
    Elektronik sebagaimana diamanatkan Peraturan Presiden Nomor 95 Tahun 2018 serta untuk \
    meningkatkan keamanan dan keabsahan naskah dinas elektronik di lingkungan Pemerintah \
    Kabupaten Muara Enim, dengan hormat kami mengundang Bapak/Ibu atau pejabat yang ditunjuk \
    untuk menghadiri Sosialisasi Penggunaan Tanda Tangan Elektronik dan Sertifikat Elektronik \
    yang akan dilaksanakan pada:";

/// The meeting's particulars, label and value.
pub(crate) const AGENDA: [(&str, &str); 4] = [
    ("hari, tanggal", "Kamis, 3 Desember 2026"),
    ("pukul", "09.00 WIB s.d. selesai"),
    ("tempat", "Ruang Rapat Pangripta, Kantor Bupati Muara Enim"),
    (
        "acara",
        "Sosialisasi Penggunaan Tanda Tangan Elektronik dan Sertifikat Elektronik",
    ),
];

/// Leads into the numbered points.
pub(crate) const POINTS_INTRO: &str =
    "Sehubungan dengan hal tersebut, bersama ini kami sampaikan hal-hal sebagai berikut:";

/// Numbered points; long letters repeat them in turn.
pub(crate) const POINTS: [&str; 8] = [
    "Setiap perangkat daerah mengutus 2 (dua) orang peserta, yaitu pejabat yang berwenang \
     menandatangani naskah dinas dan pengelola naskah dinas, dengan membawa laptop yang telah \
     terhubung ke jaringan internet.",
    "Peserta yang belum memiliki sertifikat elektronik agar membawa Kartu Tanda Penduduk \
     elektronik, surat rekomendasi dari atasan langsung, serta alamat pos elektronik dinas \
     yang masih aktif.",
    "Tanda tangan elektronik yang menggunakan sertifikat elektronik tersertifikasi memiliki \
     kekuatan hukum dan akibat hukum yang sah sesuai ketentuan Undang-Undang tentang Informasi \
     dan Transaksi Elektronik beserta perubahannya.",
    "Naskah dinas yang telah ditandatangani secara elektronik tidak perlu dicetak, dibubuhi cap \
     dinas, maupun dipindai ulang, dan keasliannya dapat diperiksa melalui aplikasi verifikasi \
     dokumen.",
    "Pasangan kunci privat dan sertifikat elektronik bersifat pribadi sehingga tidak boleh \
     dipinjamkan atau diserahkan kepada pihak lain, termasuk kepada staf atau ajudan.",
    "Apabila terjadi kehilangan perangkat, lupa kata sandi, atau dugaan penyalahgunaan kunci \
     privat, pemilik sertifikat wajib segera melapor kepada Bidang Persandian untuk dilakukan \
     pencabutan sertifikat.",
    "Perangkat daerah diminta menginventarisasi jenis naskah dinas yang akan ditandatangani \
     secara elektronik dan menyampaikannya paling lambat 7 (tujuh) hari kerja setelah \
     kegiatan.",
    "Narahubung kegiatan ini adalah Saudari Siti Aminah, S.T., Bidang Persandian dan Keamanan \
     Informasi, telepon 0812 7300 1234, pada jam kerja.",
];

/// The closing paragraph.
pub(crate) const CLOSING: &str = "Mengingat pentingnya kegiatan tersebut, kami mengharapkan \
    kehadiran Bapak/Ibu tepat pada waktunya. Demikian disampaikan, atas perhatian dan kerja \
    samanya diucapkan terima kasih.";

/// Copies (tembusan), under the signature.
pub(crate) const TEMBUSAN: [&str; 3] = [
    "Bupati Muara Enim (sebagai laporan);",
    "Sekretaris Daerah Kabupaten Muara Enim;",
    "Inspektur Kabupaten Muara Enim.",
];

/// Page number line, e.g. "Halaman 1 dari 3".
pub(crate) fn page_number(page: usize, of: usize) -> String {
    format!("Halaman {page} dari {of}")
}
