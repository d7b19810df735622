/* pa30.c — MSDelta PA30 patches, as Windows 8 and later store their component manifests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout, as far as manifests need it:
 *   "PA30", 8-byte time stamp, then a bit stream (least significant bit first, the
 *   first 3 bits give the unused bits of the last byte) holding variable-length
 *   numbers (file-type set, file type, flags, target size, hash algorithm) and three
 *   length-prefixed byte buffers (hash, preprocessing, patch).
 *   The patch buffer is its own bit stream: a rift-table flag, then either one
 *   "default" table set or a list of segments with transmitted code lengths, then
 *   LZX-like Huffman-coded literals and matches.
 * Matches address one virtual buffer: the base followed by the output written so far;
 * the output starts at virtual position len(base). A "same position" copy reads the
 * base at the output's own offset, small signed deltas move around that point, and
 * plain distances count back from the current position.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "pa30-bits-private.h"
#include "pa30-private.h"

G_DEFINE_QUARK (ue-pa30-error-quark, ue_pa30_error)

#define DCM_MAGIC "DCM\x01"

/* file types, flags and hash ids of msdelta.h */
#define FILE_TYPE_RAW            1
#define FILE_TYPE_SET_REVERSE    0x100
#define FLAG_IGNORE_FILE_SIZE    0x20000
#define FLAG_IGNORE_OPTIONS_SIZE 0x40000
#define CALG_MD5                 0x8003
#define CALG_SHA1                0x8004
#define CALG_SHA_256             0x800c

/* the three code tables of one segment: main (256 literals + 43 slots x 8 lengths),
 * long lengths, aligned offset bits */
#define MAIN_SYMBOLS     600
#define LENGTH_SYMBOLS   256
#define ALIGNED_SYMBOLS  16
#define TOTAL_LENGTHS    (MAIN_SYMBOLS + LENGTH_SYMBOLS + ALIGNED_SYMBOLS)
#define PRETREE_SYMBOLS  39
#define MAX_SEGMENTS     1024
G_STATIC_ASSERT (MAIN_SYMBOLS <= UE_HUFF_MAX_SYMBOLS);

/* ---- segments ------------------------------------------------------------------ */

typedef struct
{
  Huffman main;
  Huffman lengths;
  Huffman aligned;
} Tables;

static gboolean
tables_build (Tables        *t,
              const guint8  *lengths,
              GError       **error)
{
  return _ue_pa30_huff_build (&t->main, lengths, MAIN_SYMBOLS, error)
      && _ue_pa30_huff_build (&t->lengths, lengths + MAIN_SYMBOLS, LENGTH_SYMBOLS, error)
      && _ue_pa30_huff_build (&t->aligned, lengths + MAIN_SYMBOLS + LENGTH_SYMBOLS, ALIGNED_SYMBOLS, error);
}

/* most small manifests use the default tables: built once, shared by all threads */
static const Tables *
default_tables (void)
{
  static Tables tables;
  static gsize built = 0;

  if (g_once_init_enter (&built))
    {
      guint8 lengths[TOTAL_LENGTHS];
      gboolean ok;

      _ue_pa30_default_lengths (lengths, MAIN_SYMBOLS);
      _ue_pa30_default_lengths (lengths + MAIN_SYMBOLS, LENGTH_SYMBOLS);
      _ue_pa30_default_lengths (lengths + MAIN_SYMBOLS + LENGTH_SYMBOLS, ALIGNED_SYMBOLS);
      ok = tables_build (&tables, lengths, NULL);
      g_assert (ok);
      g_once_init_leave (&built, 1);
    }
  return &tables;
}

/* one segment's 872 lengths, coded against the previous segment's:
 * 0-16 the length itself, 17-22 the previous length +1..+3 / -1..-3,
 * 23-30 a run of the last length, 31-38 a run copied from the previous segment */
static gboolean
read_segment_lengths (BitReader     *br,
                      const Huffman *pretree,
                      const guint8  *prev,
                      guint8        *out,
                      GError       **error)
{
  guint i = 0;

  while (i < TOTAL_LENGTHS)
    {
      guint sym, value;

      if (!_ue_huff_decode (pretree, br, &sym, error))
        return FALSE;
      if (sym <= 16)
        out[i++] = sym;
      else if (sym <= 22)
        {
          value = sym <= 19 ? prev[i] + (sym - 16) : prev[i] - (sym - 19);
          if (value > UE_HUFF_MAX_LEN)   /* also catches going below zero */
            return _ue_pa30_set_corrupt (error, _("a code length out of range"));
          out[i] = value;
          i++;
        }
      else
        {
          guint kind = (sym - 23) & 7;
          guint32 run, extra;

          if (kind < 3)
            run = kind + 1;
          else
            {
              if (!_ue_bits_read (br, kind - 1, &extra, error))
                return FALSE;
              run = (1u << (kind - 1)) | extra;
            }
          if (run > TOTAL_LENGTHS - i)
            return _ue_pa30_set_corrupt (error, _("a run past the last code length"));
          if (sym < 31)
            {
              if (i == 0)
                return _ue_pa30_set_corrupt (error, _("a run with no length before it"));
              memset (out + i, out[i - 1], run);
            }
          else
            memcpy (out + i, prev + i, run);
          i += run;
        }
    }
  return TRUE;
}

typedef struct
{
  guint    n_segments;
  guint64 *starts;      /* virtual position where each segment takes over */
  guint8  *lengths;     /* TOTAL_LENGTHS per segment */
} Composite;

static void
composite_clear (Composite *c)
{
  g_clear_pointer (&c->starts, g_free);
  g_clear_pointer (&c->lengths, g_free);
}

static gboolean
read_composite (BitReader  *br,
                Composite  *c,
                GError    **error)
{
  guint8 pretree_lengths[PRETREE_SYMBOLS];
  g_autofree Huffman *pretree = g_new (Huffman, 1);
  guint64 n, delta, start = 0;
  guint32 value;

  if (!_ue_pa30_bits_read_number (br, &n, error))
    return FALSE;
  if (n == 0 || n > MAX_SEGMENTS)
    return _ue_pa30_set_corrupt (error, _("an impossible number of segments"));
  c->n_segments = n;
  c->starts = g_new (guint64, n);
  for (guint i = 0; i < n; i++)
    {
      if (!_ue_pa30_bits_read_number (br, &delta, error))
        return FALSE;
      if (delta > G_MAXUINT64 - start)
        return _ue_pa30_set_corrupt (error, _("a segment past the end"));
      start += delta;
      c->starts[i] = start;
    }
  for (guint i = 0; i < PRETREE_SYMBOLS; i++)
    {
      if (!_ue_bits_read (br, 4, &value, error))
        return FALSE;
      pretree_lengths[i] = value;
    }
  if (!_ue_pa30_huff_build (pretree, pretree_lengths, PRETREE_SYMBOLS, error))
    return FALSE;
  /* lengths only, ~1 KiB a segment: tables are built when a segment is reached */
  c->lengths = g_malloc0 ((gsize) (n + 1) * TOTAL_LENGTHS);
  for (guint i = 0; i < n; i++)
    if (!read_segment_lengths (br, pretree, c->lengths + (gsize) i * TOTAL_LENGTHS,
                               c->lengths + (gsize) (i + 1) * TOTAL_LENGTHS, error))
      return FALSE;
  return TRUE;
}

/* ---- matches ------------------------------------------------------------------- */

/* plain distances: slots 8-10 are 1-3; then a power-of-two band per slot, whose low
 * four bits come from the aligned table once the band is wide enough; slot 7 escapes
 * to the widest bands (36-63) */
static gboolean
read_plain_distance (BitReader     *br,
                     const Tables  *t,
                     guint          slot,
                     guint64       *out,
                     GError       **error)
{
  guint32 band, bit, extra;
  guint top, n_bits;
  guint aligned;

  if (slot == 7)
    {
      if (!_ue_bits_read (br, 1, &bit, error))
        return FALSE;
      if (!bit)
        {
          if (!_ue_bits_read (br, 2, &extra, error))
            return FALSE;
          band = 36 + extra;
        }
      else
        {
          if (!_ue_bits_read (br, 1, &bit, error))
            return FALSE;
          if (!_ue_bits_read (br, bit ? 4 : 3, &extra, error))
            return FALSE;
          band = (bit ? 48 : 40) + extra;
        }
    }
  else
    band = slot - 7;

  if (band <= 3)
    {
      *out = band;
      return TRUE;
    }
  top = 2 | (band & 1);
  n_bits = (band >> 1) - 1;
  if (n_bits < 4)
    {
      if (!_ue_bits_read (br, n_bits, &extra, error))
        return FALSE;
      *out = (guint64) top << n_bits | extra;
      return TRUE;
    }
  if (!_ue_bits_read (br, n_bits - 4, &extra, error)
      || !_ue_huff_decode (&t->aligned, br, &aligned, error))
    return FALSE;
  *out = (((guint64) top << (n_bits - 4)) | extra) << 4 | aligned;
  return TRUE;
}

/* signed offsets around the same position in the base, in three widening bands */
static gboolean
read_near_delta (BitReader  *br,
                 guint       slot,
                 gint64     *out,
                 GError    **error)
{
  static const guint bits[] = { 14, 16, 18 };
  guint32 raw;

  if (!_ue_bits_read (br, bits[slot], &raw, error))
    return FALSE;
  switch (slot)
    {
    case 0:
      *out = (gint64) raw - 0x2000;
      break;
    case 1:
      *out = raw < 0x8000 ? (gint64) raw - 0xA000 : (gint64) raw - 0x6000;
      break;
    default:
      *out = raw < 0x20000 ? (gint64) raw - 0x2A000 : (gint64) raw - 0x16000;
      break;
    }
  return TRUE;
}

static gboolean
read_length (BitReader     *br,
             const Tables  *t,
             guint          length_slot,
             guint64       *out,
             GError       **error)
{
  guint sym, zeros = 0;
  guint32 bit, low;

  *out = 0;
  if (length_slot != 0)
    {
      *out = length_slot + 1;
      return TRUE;
    }
  if (!_ue_huff_decode (&t->lengths, br, &sym, error))
    return FALSE;
  if (sym != 0)
    {
      *out = sym + 8;
      return TRUE;
    }
  /* long lengths: k zeros and a one, then the k + 8 bits under an implicit top bit */
  for (;;)
    {
      if (!_ue_bits_read (br, 1, &bit, error))
        return FALSE;
      if (bit)
        break;
      if (++zeros > 23)
        return _ue_pa30_set_corrupt (error, _("a match length beyond 32 bits"));
    }
  if (!_ue_bits_read (br, zeros + 8, &low, error))
    return FALSE;
  *out = ((guint64) 1 << (zeros + 8) | low) + 8;
  return TRUE;
}

/* ---- the patch buffer ---------------------------------------------------------- */

static gboolean
decode_patch (const guint8  *patch,
              gsize          patch_len,
              guint8        *buf,        /* base at 0, output from ref_len */
              gsize          ref_len,
              gsize          target_len,
              GError       **error)
{
  BitReader br;
  Composite composite = { 0, };
  g_autofree Tables *transmitted = NULL;
  const Tables *tables;
  guint32 bit;
  guint64 pos = ref_len, end = (guint64) ref_len + target_len;
  guint64 lru[3] = { 0, 0, 0 };
  guint segment = 0;
  gboolean ok = FALSE;

  if (!_ue_pa30_bits_init (&br, patch, patch_len, error) || !_ue_bits_read (&br, 1, &bit, error))
    return FALSE;
  if (bit)
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_UNSUPPORTED,
                   _("the patch has a rift table (used for program files, not for manifests)"));
      return FALSE;
    }
  if (!_ue_bits_read (&br, 1, &bit, error))
    return FALSE;
  if (bit)
    tables = default_tables ();
  else
    {
      if (!read_composite (&br, &composite, error))
        goto out;
      tables = transmitted = g_new (Tables, 1);
      if (!tables_build (transmitted, composite.lengths + TOTAL_LENGTHS, error))
        goto out;
    }

  while (pos < end)
    {
      guint sym, slot;
      guint64 dist, length, n;

      while (segment + 1 < composite.n_segments && pos >= composite.starts[segment + 1])
        {
          segment++;
          if (!tables_build (transmitted, composite.lengths + (gsize) (segment + 1) * TOTAL_LENGTHS, error))
            goto out;
        }

      if (!_ue_huff_decode (&tables->main, &br, &sym, error))
        goto out;
      if (sym < 256)
        {
          buf[pos++] = sym;
          continue;
        }
      sym -= 256;
      slot = sym >> 3;
      if (slot <= 2)
        {
          gint64 delta;

          if (!read_near_delta (&br, slot, &delta, error))
            goto out;
          /* source = output offset - delta, i.e. pos - (ref_len + delta) */
          dist = (guint64) ((gint64) ref_len + delta);
        }
      else if (slot == 3)
        dist = ref_len;
      else if (slot <= 6)
        dist = lru[slot - 4];
      else if (!read_plain_distance (&br, tables, slot, &dist, error))
        goto out;
      if (!read_length (&br, tables, sym & 7, &length, error))
        goto out;

      if (lru[0] != dist)
        {
          guint64 second = lru[1];

          lru[1] = lru[0];
          lru[0] = dist;
          if (second != dist)
            lru[2] = second;
        }

      /* dist is unsigned: "before the base" wraps to a huge value and fails here too */
      if (dist == 0 || dist > pos)
        {
          _ue_pa30_set_corrupt (error, _("a copy from outside the data"));
          goto out;
        }
      n = MIN (length, end - pos);
      if (dist >= n)
        memcpy (buf + pos, buf + pos - dist, n);
      else
        for (guint64 k = 0; k < n; k++)   /* overlapping: repeats the last dist bytes */
          buf[pos + k] = buf[pos + k - dist];
      pos += n;
    }
  ok = TRUE;

out:
  composite_clear (&composite);
  return ok;
}

GBytes *
_ue_pa30_decode_payload (GBytes        *base,
                         const guint8  *payload,
                         gsize          len,
                         gsize          target_size,
                         GError       **error)
{
  const guint8 *ref;
  gsize ref_len;
  guint8 *buf;

  ref = g_bytes_get_data (base, &ref_len);
  if (target_size > UE_PA30_MAX_SIZE || ref_len > UE_PA30_MAX_SIZE)
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_TOO_LARGE,
                   _("the target or the base is larger than %d MiB"), UE_PA30_MAX_SIZE >> 20);
      return NULL;
    }
  if (target_size == 0)
    return g_bytes_new (NULL, 0);
  /* the base and the output form one buffer, as matches address them */
  buf = g_try_malloc (ref_len + target_size);
  if (buf == NULL)
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_TOO_LARGE,
                   _("not enough memory for the decoded data"));
      return NULL;
    }
  if (ref_len > 0)
    memcpy (buf, ref, ref_len);
  if (!decode_patch (payload, len, buf, ref_len, target_size, error))
    {
      g_free (buf);
      return NULL;
    }
  memmove (buf, buf + ref_len, target_size);
  return g_bytes_new_take (g_realloc (buf, target_size), target_size);
}

static gboolean
check_hash (guint64        alg,
            const guint8  *hash,
            gsize          hash_len,
            const guint8  *data,
            gsize          len,
            gboolean       verify,
            GError       **error)
{
  GChecksumType type;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  if (alg == 0 && hash_len == 0)
    return TRUE;
  switch (alg)
    {
    case CALG_MD5: type = G_CHECKSUM_MD5; break;
    case CALG_SHA1: type = G_CHECKSUM_SHA1; break;
    case CALG_SHA_256: type = G_CHECKSUM_SHA256; break;
    default:
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_UNSUPPORTED,
                   _("unsupported hash algorithm 0x%llx"), (unsigned long long) alg);
      return FALSE;
    }
  if ((gssize) hash_len != g_checksum_type_get_length (type))
    return _ue_pa30_set_corrupt (error, _("the target hash has the wrong size"));
  if (!verify)
    return TRUE;
  checksum = g_checksum_new (type);
  g_checksum_update (checksum, data, len);
  g_checksum_get_digest (checksum, digest, &digest_len);
  if (digest_len != hash_len || memcmp (digest, hash, hash_len) != 0)
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_HASH_MISMATCH,
                   _("the decoded data does not match the patch's hash (wrong base?)"));
      return FALSE;
    }
  return TRUE;
}

/**
 * ue_pa30_apply:
 * @base: the reference the patch was made against (for manifests: resource 614/1 of
 *   wcp.dll)
 * @patch: (array length=len): a patch starting with "PA30"
 * @len: its size
 * @error: return location for a #UE_PA30_ERROR
 *
 * Returns: (transfer full): the patched data, or %NULL with @error set
 */
GBytes *
ue_pa30_apply (GBytes        *base,
               const guint8  *patch,
               gsize          len,
               GError       **error)
{
  BitReader br;
  guint64 file_type_set, file_type, flags, target_size, hash_alg;
  const guint8 *hash, *preprocess, *payload;
  gsize hash_len, preprocess_len, payload_len;
  GBytes *out;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (patch != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len >= 4 && (memcmp (patch, "PA19", 4) == 0 || memcmp (patch, "PA31", 4) == 0))
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_UNSUPPORTED,
                   _("%.4s patches are not supported (only PA30)"), (const char *) patch);
      return NULL;
    }
  if (len < 4 || memcmp (patch, "PA30", 4) != 0)
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_NOT_PA30,
                   _("not a PA30 patch"));
      return NULL;
    }
  /* bytes 4-11: the target's time stamp, of no use here */
  if (len < 12)
    {
      _ue_pa30_set_truncated (error);
      return NULL;
    }
  if (!_ue_pa30_bits_init (&br, patch + 12, len - 12, error)
      || !_ue_pa30_bits_read_number (&br, &file_type_set, error)
      || !_ue_pa30_bits_read_number (&br, &file_type, error)
      || !_ue_pa30_bits_read_number (&br, &flags, error)
      || !_ue_pa30_bits_read_number (&br, &target_size, error)
      || !_ue_pa30_bits_read_number (&br, &hash_alg, error)
      || !_ue_pa30_bits_read_buffer (&br, &hash, &hash_len, error))
    return NULL;

  if (file_type_set & FILE_TYPE_SET_REVERSE)
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_UNSUPPORTED,
                   _("reverse patches are not supported"));
      return NULL;
    }
  if (file_type != FILE_TYPE_RAW)
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_UNSUPPORTED,
                   _("file type %llu is not supported (only RAW, 1)"), (unsigned long long) file_type);
      return NULL;
    }
  if (flags & ~(guint64) (FLAG_IGNORE_FILE_SIZE | FLAG_IGNORE_OPTIONS_SIZE))
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_UNSUPPORTED,
                   _("transforms 0x%llx are not supported"), (unsigned long long) flags);
      return NULL;
    }
  if (!check_hash (hash_alg, hash, hash_len, NULL, 0, FALSE, error)
      || !_ue_pa30_bits_read_buffer (&br, &preprocess, &preprocess_len, error)
      || !_ue_pa30_bits_read_buffer (&br, &payload, &payload_len, error))
    return NULL;
  if (preprocess_len != 0)
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_UNSUPPORTED,
                   _("patches with preprocessing data are not supported"));
      return NULL;
    }

  out = _ue_pa30_decode_payload (base, payload, payload_len, target_size, error);
  if (out != NULL
      && !check_hash (hash_alg, hash, hash_len, g_bytes_get_data (out, NULL), target_size, TRUE, error))
    g_clear_pointer (&out, g_bytes_unref);
  return out;
}

/**
 * ue_dcm_is_compressed:
 * @data: (array length=len): the start of a manifest file
 * @len: its size
 *
 * Returns: whether the file is a compressed manifest ("DCM\x01")
 */
gboolean
ue_dcm_is_compressed (const guint8 *data,
                      gsize         len)
{
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  return len >= 4 && memcmp (data, DCM_MAGIC, 4) == 0;
}

/**
 * ue_dcm_decode:
 * @base: the base blob (resource 614/1 of the image's wcp.dll)
 * @data: (array length=len): a whole compressed manifest
 * @len: its size
 * @error: return location for a #UE_PA30_ERROR
 *
 * Returns: (transfer full): the manifest's XML bytes, or %NULL with @error set
 */
GBytes *
ue_dcm_decode (GBytes        *base,
               const guint8  *data,
               gsize          len,
               GError       **error)
{
  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ue_dcm_is_compressed (data, len))
    {
      g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_NOT_PA30,
                   _("not a compressed manifest (no DCM header)"));
      return NULL;
    }
  return ue_pa30_apply (base, data + 4, len - 4, error);
}
