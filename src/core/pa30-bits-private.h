/* pa30-bits-private.h — bit reader and canonical Huffman codes of PA30 patches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hot readers are inline here so the match loop in pa30.c keeps them inlined.
 */
#pragma once

#include <string.h>

#include "pa30.h"

G_BEGIN_DECLS

#define UE_HUFF_MAX_LEN      16
#define UE_HUFF_TABLE_BITS   10
#define UE_HUFF_MAX_SYMBOLS  600

typedef struct
{
  const guint8 *data;
  gsize         len;    /* bytes */
  guint64       pos;    /* bits read so far, from the start of data */
  guint64       end;    /* bits that carry data: len * 8 minus the declared padding */
} BitReader;

/* ---- canonical Huffman codes ----------------------------------------------------
 * Lengths only are transmitted. Codes are assigned from the longest length down:
 * the longest codes get the smallest values, symbols of one length in symbol order.
 * Each code is sent most significant bit first. */
typedef struct
{
  guint16 table[1 << UE_HUFF_TABLE_BITS]; /* symbol << 5 | length; 0: a longer code */
  guint16 count[UE_HUFF_MAX_LEN + 1];
  guint32 base[UE_HUFF_MAX_LEN + 1];
  guint16 first[UE_HUFF_MAX_LEN + 1];     /* index in sorted of each length's first symbol */
  guint16 sorted[UE_HUFF_MAX_SYMBOLS];        /* symbols by length, then by value */
  gboolean empty;
} Huffman;

gboolean _ue_pa30_set_truncated     (GError       **error);
gboolean _ue_pa30_set_corrupt       (GError       **error,
                                     const char    *what);
gboolean _ue_pa30_set_empty_table   (GError       **error);
gboolean _ue_pa30_bits_init         (BitReader     *br,
                                     const guint8  *data,
                                     gsize          len,
                                     GError       **error);
gboolean _ue_pa30_bits_read_number  (BitReader     *br,
                                     guint64       *out,
                                     GError       **error);
gboolean _ue_pa30_bits_read_buffer  (BitReader     *br,
                                     const guint8 **out,
                                     gsize         *out_len,
                                     GError       **error);
gboolean _ue_pa30_huff_build        (Huffman       *h,
                                     const guint8  *lengths,
                                     guint          n_symbols,
                                     GError       **error);
void     _ue_pa30_default_lengths   (guint8        *lengths,
                                     guint          n_symbols);

/* at least 57 bits from the current position; zeros past the data */
static inline guint64
_ue_bits_peek (const BitReader *br)
{
  gsize byte = br->pos >> 3;
  guint64 word = 0;

  if (byte + 8 <= br->len)
    {
      memcpy (&word, br->data + byte, 8);
      word = GUINT64_FROM_LE (word);
    }
  else
    {
      for (gsize i = 0; byte + i < br->len; i++)
        word |= (guint64) br->data[byte + i] << (8 * i);
    }
  return word >> (br->pos & 7);
}

static inline gboolean
_ue_bits_read (BitReader  *br,
               guint       n,
               guint32    *out,
               GError    **error)
{
  g_assert (n <= 32);
  *out = 0;
  if (br->end - br->pos < n)
    return _ue_pa30_set_truncated (error);
  *out = n == 0 ? 0 : (guint32) (_ue_bits_peek (br) & ((G_GUINT64_CONSTANT (1) << n) - 1));
  br->pos += n;
  return TRUE;
}

static inline gboolean
_ue_huff_decode (const Huffman  *h,
                 BitReader      *br,
                 guint          *symbol,
                 GError        **error)
{
  guint64 word;
  guint entry, len;

  *symbol = 0;
  if (G_UNLIKELY (h->empty))
    return _ue_pa30_set_empty_table (error);
  word = _ue_bits_peek (br);
  entry = h->table[word & ((1u << UE_HUFF_TABLE_BITS) - 1)];
  if (G_LIKELY (entry != 0))
    {
      *symbol = entry >> 5;
      len = entry & 31;
    }
  else
    {
      guint32 code = 0;

      for (len = 1; len <= UE_HUFF_MAX_LEN; len++)
        {
          code = code << 1 | ((word >> (len - 1)) & 1);
          if (code - h->base[len] < h->count[len])
            break;
        }
      /* a complete code always matches by 16 bits */
      g_assert (len <= UE_HUFF_MAX_LEN);
      *symbol = h->sorted[h->first[len] + code - h->base[len]];
    }
  if (br->end - br->pos < len)
    return _ue_pa30_set_truncated (error);
  br->pos += len;
  return TRUE;
}

G_END_DECLS
