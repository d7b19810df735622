/* pa30-bits.c — bit reader and canonical Huffman codes of PA30 patches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "pa30-bits-private.h"

gboolean
_ue_pa30_set_truncated (GError **error)
{
  g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_TRUNCATED,
               _("the compressed data ends too early"));
  return FALSE;
}

gboolean
_ue_pa30_set_corrupt (GError     **error,
                      const char  *what)
{
  g_set_error (error, UE_PA30_ERROR, UE_PA30_ERROR_CORRUPT,
               _("the compressed data is corrupt: %s"), what);
  return FALSE;
}

gboolean
_ue_pa30_set_empty_table (GError **error)
{
  return _ue_pa30_set_corrupt (error, _("a symbol from an empty code table"));
}

gboolean
_ue_pa30_bits_init (BitReader     *br,
                    const guint8  *data,
                    gsize          len,
                    GError       **error)
{
  guint padding;

  if (len == 0)
    return _ue_pa30_set_truncated (error);
  padding = data[0] & 7;
  br->data = data;
  br->len = len;
  br->end = (guint64) len * 8 - padding;
  br->pos = 3;
  if (br->end < br->pos)
    return _ue_pa30_set_truncated (error);
  return TRUE;
}

/* header numbers: k zero bits and a one give the count of nibbles (k + 1), then
 * the nibbles themselves */
gboolean
_ue_pa30_bits_read_number (BitReader  *br,
                           guint64    *out,
                           GError    **error)
{
  guint nibbles = 0;
  guint32 bit, low, high;
  guint n_bits;

  *out = 0;
  for (;;)
    {
      if (!_ue_bits_read (br, 1, &bit, error))
        return FALSE;
      if (bit)
        break;
      if (++nibbles == 16)
        return _ue_pa30_set_corrupt (error, _("a number longer than 64 bits"));
    }
  n_bits = (nibbles + 1) * 4;
  if (n_bits <= 32)
    {
      if (!_ue_bits_read (br, n_bits, &low, error))
        return FALSE;
      *out = low;
      return TRUE;
    }
  if (!_ue_bits_read (br, 32, &low, error) || !_ue_bits_read (br, n_bits - 32, &high, error))
    return FALSE;
  *out = (guint64) high << 32 | low;
  return TRUE;
}

/* a byte buffer: its size, padding to the next byte, the bytes */
gboolean
_ue_pa30_bits_read_buffer (BitReader     *br,
                           const guint8 **out,
                           gsize         *out_len,
                           GError       **error)
{
  guint64 size, byte;

  *out = NULL;
  *out_len = 0;
  if (!_ue_pa30_bits_read_number (br, &size, error))
    return FALSE;
  br->pos = (br->pos + 7) & ~G_GUINT64_CONSTANT (7);
  byte = br->pos >> 3;
  /* the padding of the last byte does not apply to whole bytes read here */
  if (byte > br->len || size > br->len - byte)
    return _ue_pa30_set_truncated (error);
  *out = br->data + byte;
  *out_len = size;
  br->pos += size * 8;
  if (br->pos > br->end)
    br->end = br->pos;
  return TRUE;
}

gboolean
_ue_pa30_huff_build (Huffman       *h,
                     const guint8  *lengths,
                     guint          n_symbols,
                     GError       **error)
{
  guint32 next_code[UE_HUFF_MAX_LEN + 1];
  guint16 next_index[UE_HUFF_MAX_LEN + 1];
  guint32 kraft = 0, acc = 0;
  guint16 index = 0;

  g_assert (n_symbols <= UE_HUFF_MAX_SYMBOLS);
  memset (h->count, 0, sizeof h->count);
  for (guint s = 0; s < n_symbols; s++)
    {
      if (lengths[s] > UE_HUFF_MAX_LEN)
        return _ue_pa30_set_corrupt (error, _("a code longer than 16 bits"));
      h->count[lengths[s]]++;
    }
  h->count[0] = 0;
  for (guint l = 1; l <= UE_HUFF_MAX_LEN; l++)
    kraft += (guint32) h->count[l] << (UE_HUFF_MAX_LEN - l);
  /* a table that is never used may be all zeros; any other must be a complete code,
   * or symbols would share codes */
  h->empty = kraft == 0;
  if (h->empty)
    return TRUE;
  if (kraft != 1u << UE_HUFF_MAX_LEN)
    return _ue_pa30_set_corrupt (error, _("an incomplete or over-full Huffman code"));

  for (guint l = UE_HUFF_MAX_LEN; l >= 1; l--)
    {
      h->base[l] = acc;
      acc = (acc + h->count[l]) >> 1;
    }
  for (guint l = 1; l <= UE_HUFF_MAX_LEN; l++)
    {
      h->first[l] = next_index[l] = index;
      index += h->count[l];
      next_code[l] = h->base[l];
    }
  h->base[0] = 0;
  h->first[0] = 0;

  memset (h->table, 0, sizeof h->table);
  for (guint s = 0; s < n_symbols; s++)
    {
      guint l = lengths[s];
      guint32 code, reversed = 0;

      if (l == 0)
        continue;
      h->sorted[next_index[l]++] = s;
      code = next_code[l]++;
      if (l > UE_HUFF_TABLE_BITS)
        continue;
      for (guint i = 0; i < l; i++)
        reversed |= ((code >> i) & 1) << (l - 1 - i);
      for (guint32 k = reversed; k < (1u << UE_HUFF_TABLE_BITS); k += 1u << l)
        h->table[k] = (guint16) (s << 5 | l);
    }
  return TRUE;
}

/* equal weights: the shorter of two lengths goes to the lower symbols */
void
_ue_pa30_default_lengths (guint8 *lengths,
                          guint   n_symbols)
{
  guint bits = g_bit_storage (n_symbols - 1);
  guint n_short = (1u << bits) - n_symbols;

  for (guint s = 0; s < n_symbols; s++)
    lengths[s] = s < n_short ? bits - 1 : bits;
}
