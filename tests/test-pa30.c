/* test-pa30.c — compressed manifests: real vectors, hostile patches, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/pa30-private.h"

/* from ../shared/test-vectors/dcm/README.md: Windows' own decoder's results */
static const struct
{
  const char *prefix;
  gsize in, out;
  const char *md5;
} vectors[] = {
  { "amd64_microsoft-windows-core_", 65, 415, "05ce391bcd42cc29c917f242af7eefc8" },
  { "amd64_multipoint-srcres.resources_", 249, 1961, "625e5a94109dec39c60506b26f377caf" },
  { "amd64_microsoft-windows-font-truetype-gadugi_", 355, 2305, "91fc84854c00cdb72644457e20d96cc7" },
  { "amd64_microsoft-windows-s..riencehost.appxmain_", 696, 7080, "0260b236b57af816be98a50b2a5aacee" },
  { "amd64_dual_netvg63a.inf_", 2852, 52889, "906500830bf571878e536274cc1ce756" },
  { "amd64_microsoft-windows-network-security_", 9292, 96246, "5f8671540358c1b95b2ad263bfab7008" },
  { "wow64_microsoft-windows-o..euapcommonproxystub_", 175668, 3263571, "672f3a6d63609e3830089eb7763c31b7" },
};

static char *
vector_dir (void)
{
  const char *shared = g_getenv ("UE_SHARED_DIR");

  return g_build_filename (shared ? shared : "../shared", "test-vectors", "dcm", NULL);
}

static GBytes *
read_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *data;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_bytes_new_take (data, len);
}

/* the file of the vector directory whose name starts with prefix */
static GBytes *
read_vector (const char *dir, const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return read_file (dir, name);
  return NULL;
}

static GBytes *
real_base_or_skip (void)
{
  g_autofree char *dir = vector_dir ();
  GBytes *base = read_file (dir, "base_manifest.bin");

  if (base == NULL)
    g_test_skip ("../shared/test-vectors/dcm is absent: real manifests not tested");
  return base;
}

static void
test_real_vectors (void)
{
  g_autofree char *dir = vector_dir ();
  g_autoptr(GBytes) base = real_base_or_skip ();

  if (base == NULL)
    return;
  g_assert_cmpuint (g_bytes_get_size (base), ==, 9066);
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr(GBytes) in = read_vector (dir, vectors[i].prefix);
      g_autoptr(GBytes) out = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *md5 = NULL;

      g_assert_nonnull (in);
      g_assert_cmpuint (g_bytes_get_size (in), ==, vectors[i].in);
      g_assert_true (ue_dcm_is_compressed (g_bytes_get_data (in, NULL), g_bytes_get_size (in)));
      out = ue_dcm_decode (base, g_bytes_get_data (in, NULL), g_bytes_get_size (in), &error);
      g_assert_no_error (error);
      md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, out);
      g_assert_cmpuint (g_bytes_get_size (out), ==, vectors[i].out);
      g_assert_cmpstr (md5, ==, vectors[i].md5);
    }
}

static void
test_fuzz_seeds (void)
{
  g_autofree char *dir = vector_dir ();
  g_autofree char *seeds = g_build_filename (dir, "fuzz-seeds", NULL);
  g_autoptr(GBytes) base = real_base_or_skip ();
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n = 0;

  if (base == NULL)
    return;
  d = g_dir_open (seeds, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(GBytes) seed = read_file (seeds, name);
      const guint8 *data = g_bytes_get_data (seed, NULL);
      gsize len = g_bytes_get_size (seed);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) payload_error = NULL;
      g_autoptr(GBytes) out = ue_pa30_apply (base, data, len, &error);
      /* past the header too: the seed's bytes as a patch payload */
      g_autoptr(GBytes) raw = _ue_pa30_decode_payload (base, data, len, 100000, &payload_error);

      g_assert_null (out);
      g_assert_error (error, UE_PA30_ERROR, UE_PA30_ERROR_UNSUPPORTED);
      g_assert_null (raw);
      g_assert_nonnull (payload_error);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
check_truncated (GBytes *base, const guint8 *data, gsize cut)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = ue_dcm_decode (base, data, cut, &error);

  g_assert_null (out);
  g_assert_nonnull (error);
  if (cut >= 4)
    g_assert_true (error->code == UE_PA30_ERROR_TRUNCATED || error->code == UE_PA30_ERROR_CORRUPT
                   || error->code == UE_PA30_ERROR_NOT_PA30);
}

static void
test_truncated (void)
{
  g_autofree char *dir = vector_dir ();
  g_autoptr(GBytes) base = real_base_or_skip ();

  if (base == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr(GBytes) in = read_vector (dir, vectors[i].prefix);
      const guint8 *data = g_bytes_get_data (in, NULL);
      gsize len = g_bytes_get_size (in);
      /* every cut of the small ones, a sample of the large ones, always the last byte */
      gsize step = len < 10000 ? 1 : 997;

      for (gsize cut = 0; cut < len; cut += step)
        check_truncated (base, data, cut);
      check_truncated (base, data, len - 1);
    }
}

/* a flipped bit may still decode (the time stamp, padding, another literal), but
 * must never crash or read outside the data; most flips are caught */
static void
test_bit_flips (void)
{
  g_autofree char *dir = vector_dir ();
  g_autoptr(GBytes) base = real_base_or_skip ();

  if (base == NULL)
    return;
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GBytes) in = read_vector (dir, vectors[i].prefix);
      g_autofree guint8 *data = g_bytes_unref_to_data (g_steal_pointer (&in), &(gsize) { 0 });
      gsize len = vectors[i].in;
      guint errors = 0, same = 0;

      for (gsize bit = 0; bit < len * 8; bit++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) out = NULL;

          data[bit / 8] ^= 1u << (bit % 8);
          out = ue_dcm_decode (base, data, len, &error);
          data[bit / 8] ^= 1u << (bit % 8);
          g_assert_true ((out == NULL) != (error == NULL));
          if (out == NULL)
            errors++;
          else if (g_bytes_get_size (out) == vectors[i].out)
            {
              g_autofree char *md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, out);

              same += g_str_equal (md5, vectors[i].md5);
            }
        }
      g_test_message ("%s: %u of %zu flips refused, %u harmless", vectors[i].prefix,
                      errors, len * 8, same);
      g_assert_cmpuint (errors, >, len * 8 / 4);
      /* the 8-byte time stamp (64 flips) at least changes nothing */
      g_assert_cmpuint (same, >=, 64);
    }
}

/* ---- synthetic patches ----------------------------------------------------------- */

typedef struct
{
  GByteArray *bytes;
  guint64     n_bits;
} BitWriter;

static void
put_bits (BitWriter *w, guint64 value, guint n)
{
  for (guint i = 0; i < n; i++, w->n_bits++)
    {
      if (w->n_bits % 8 == 0)
        g_byte_array_append (w->bytes, (const guint8 *) "", 1);
      if ((value >> i) & 1)
        w->bytes->data[w->n_bits / 8] |= 1u << (w->n_bits % 8);
    }
}

/* Huffman codes go most significant bit first */
static void
put_code (BitWriter *w, guint code, guint len)
{
  for (guint i = len; i-- > 0;)
    put_bits (w, (code >> i) & 1, 1);
}

static void
put_number (BitWriter *w, guint64 value)
{
  guint nibbles = 0;

  while (nibbles < 15 && (value >> (4 * (nibbles + 1))) != 0)
    nibbles++;
  put_bits (w, G_GUINT64_CONSTANT (1) << nibbles, nibbles + 1);
  put_bits (w, value, (nibbles + 1) * 4);
}

static void
put_buffer (BitWriter *w, const guint8 *data, gsize len)
{
  put_number (w, len);
  while (w->n_bits % 8 != 0)
    put_bits (w, 0, 1);
  for (gsize i = 0; i < len; i++)
    put_bits (w, data[i], 8);
}

static void
writer_start (BitWriter *w)
{
  w->bytes = g_byte_array_new ();
  w->n_bits = 0;
  put_bits (w, 0, 3);
}

/* the first three bits say how many bits of the last byte are unused */
static GByteArray *
writer_finish (BitWriter *w)
{
  w->bytes->data[0] |= (8 - w->n_bits % 8) % 8;
  return w->bytes;
}

/* default tables: main symbols 0-423 have 9-bit codes 88 + s, 424-599 10-bit codes
 * s - 424; the 256 length symbols 8-bit codes equal to themselves */
static void
put_main (BitWriter *w, guint sym)
{
  if (sym < 424)
    put_code (w, 88 + sym, 9);
  else
    put_code (w, sym - 424, 10);
}

static void
put_match (BitWriter *w, guint slot, guint length)
{
  g_assert (length >= 2 && length <= 8);
  put_main (w, 256 + slot * 8 + (length - 1));
}

typedef struct
{
  const char *magic;
  guint64 file_type_set, file_type, flags, target_size, hash_alg;
  gsize hash_len, preprocess_len;
  gboolean rift;
} Header;

static const Header good_header = { "PA30", 1, 1, 0x20000, 11, 0, 0, 0, FALSE };

/* base "0123456789" -> "AB23444449A": literals, a same-position copy, a plain
 * distance, a repeated offset */
static GByteArray *
synthetic_patch (const Header *h, const guint8 *hash)
{
  BitWriter outer, payload;
  g_autoptr(GByteArray) body = NULL;
  GByteArray *file = g_byte_array_new ();
  guint8 zeros[8] = { 0, };

  writer_start (&payload);
  put_bits (&payload, h->rift, 1);
  put_bits (&payload, 1, 1);            /* default tables */
  put_main (&payload, 'A');
  put_main (&payload, 'B');
  put_match (&payload, 3, 3);           /* base[2..4] "234" */
  put_match (&payload, 8, 4);           /* distance 1: "4444" */
  put_match (&payload, 5, 2);           /* second newest offset (the base's): "9A" */
  body = writer_finish (&payload);

  writer_start (&outer);
  put_number (&outer, h->file_type_set);
  put_number (&outer, h->file_type);
  put_number (&outer, h->flags);
  put_number (&outer, h->target_size);
  put_number (&outer, h->hash_alg);
  put_buffer (&outer, hash, h->hash_len);
  put_buffer (&outer, zeros, h->preprocess_len);
  put_buffer (&outer, body->data, body->len);
  writer_finish (&outer);

  g_byte_array_append (file, (const guint8 *) h->magic, 4);
  g_byte_array_append (file, zeros, 8);
  g_byte_array_append (file, outer.bytes->data, outer.bytes->len);
  g_byte_array_unref (outer.bytes);
  return file;
}

static GBytes *
apply_synthetic (const Header *h, const guint8 *hash, GError **error)
{
  g_autoptr(GBytes) base = g_bytes_new_static ("0123456789", 10);
  g_autoptr(GByteArray) patch = synthetic_patch (h, hash);

  return ue_pa30_apply (base, patch->data, patch->len, error);
}

static void
test_synthetic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = apply_synthetic (&good_header, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), "AB23444449A", 11);
}

static void
test_hash (void)
{
  Header h = good_header;
  g_autoptr(GChecksum) md5 = g_checksum_new (G_CHECKSUM_MD5);
  guint8 digest[16];
  gsize digest_len = sizeof digest;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;

  g_checksum_update (md5, (const guint8 *) "AB23444449A", 11);
  g_checksum_get_digest (md5, digest, &digest_len);
  h.hash_alg = 0x8003;
  h.hash_len = 16;
  out = apply_synthetic (&h, digest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (out), ==, 11);
  g_clear_pointer (&out, g_bytes_unref);

  digest[0] ^= 1;
  out = apply_synthetic (&h, digest, &error);
  g_assert_null (out);
  g_assert_error (error, UE_PA30_ERROR, UE_PA30_ERROR_HASH_MISMATCH);
}

static void
test_refused (void)
{
  guint8 hash[16] = { 0, };
  struct { Header h; int code; } cases[] = {
    { { "PA19", 1, 1, 0, 11, 0, 0, 0, FALSE }, UE_PA30_ERROR_UNSUPPORTED },
    { { "PA31", 1, 1, 0, 11, 0, 0, 0, FALSE }, UE_PA30_ERROR_UNSUPPORTED },
    { { "PA29", 1, 1, 0, 11, 0, 0, 0, FALSE }, UE_PA30_ERROR_NOT_PA30 },
    { { "PA30", 0x101, 1, 0, 11, 0, 0, 0, FALSE }, UE_PA30_ERROR_UNSUPPORTED },   /* reverse */
    { { "PA30", 0xf, 2, 0, 11, 0, 0, 0, FALSE }, UE_PA30_ERROR_UNSUPPORTED },     /* i386 */
    { { "PA30", 0xf, 8, 0, 11, 0, 0, 0, FALSE }, UE_PA30_ERROR_UNSUPPORTED },     /* amd64 */
    { { "PA30", 1, 1, 0x1, 11, 0, 0, 0, FALSE }, UE_PA30_ERROR_UNSUPPORTED },     /* E8 */
    { { "PA30", 1, 1, 0x200, 11, 0, 0, 0, FALSE }, UE_PA30_ERROR_UNSUPPORTED },   /* disasm */
    { { "PA30", 1, 1, 0, 11, 0, 0, 4, FALSE }, UE_PA30_ERROR_UNSUPPORTED },       /* preprocess */
    { { "PA30", 1, 1, 0, 11, 0, 0, 0, TRUE }, UE_PA30_ERROR_UNSUPPORTED },        /* rift table */
    { { "PA30", 1, 1, 0, 11, 0x8009, 16, 0, FALSE }, UE_PA30_ERROR_UNSUPPORTED }, /* HMAC */
    { { "PA30", 1, 1, 0, 11, 0x8003, 5, 0, FALSE }, UE_PA30_ERROR_CORRUPT },      /* short MD5 */
    { { "PA30", 1, 1, 0, G_GUINT64_CONSTANT (1) << 40, 0, 0, 0, FALSE }, UE_PA30_ERROR_TOO_LARGE },
    { { "PA30", 1, 1, 0, UE_PA30_MAX_SIZE + 1, 0, 0, 0, FALSE }, UE_PA30_ERROR_TOO_LARGE },
    /* more output than the stream holds */
    { { "PA30", 1, 1, 0, 12, 0, 0, 0, FALSE }, UE_PA30_ERROR_TRUNCATED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) out = apply_synthetic (&cases[i].h, hash, &error);

      g_assert_null (out);
      g_assert_error (error, UE_PA30_ERROR, cases[i].code);
      g_test_message ("case %u: %s", i, error->message);
    }
}

static void
test_dcm_wrapper (void)
{
  g_autoptr(GBytes) base = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  const char *plain = "\xef\xbb\xbf<?xml version=\"1.0\"?><assembly/>";

  g_assert_true (ue_dcm_is_compressed ((const guint8 *) "DCM\x01PA30", 8));
  g_assert_false (ue_dcm_is_compressed ((const guint8 *) "DCM\x02PA30", 8));
  g_assert_false (ue_dcm_is_compressed ((const guint8 *) "DCM", 3));
  g_assert_false (ue_dcm_is_compressed (NULL, 0));
  g_assert_false (ue_dcm_is_compressed ((const guint8 *) plain, strlen (plain)));

  out = ue_dcm_decode (base, (const guint8 *) plain, strlen (plain), &error);
  g_assert_null (out);
  g_assert_error (error, UE_PA30_ERROR, UE_PA30_ERROR_NOT_PA30);
  g_clear_error (&error);
  out = ue_dcm_decode (base, (const guint8 *) "DCM\x01", 4, &error);
  g_assert_null (out);
  g_assert_error (error, UE_PA30_ERROR, UE_PA30_ERROR_NOT_PA30);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/pa30/real-vectors", test_real_vectors);
  g_test_add_func ("/core/pa30/fuzz-seeds", test_fuzz_seeds);
  g_test_add_func ("/core/pa30/truncated", test_truncated);
  g_test_add_func ("/core/pa30/bit-flips", test_bit_flips);
  g_test_add_func ("/core/pa30/synthetic", test_synthetic);
  g_test_add_func ("/core/pa30/hash", test_hash);
  g_test_add_func ("/core/pa30/refused", test_refused);
  g_test_add_func ("/core/pa30/dcm-wrapper", test_dcm_wrapper);
  return g_test_run ();
}
