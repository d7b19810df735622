/* pa30-private.h — the PA30 payload decoder without its header, for the fuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real and hostile headers mostly stop at the file-type check; fuzzing the payload
 * directly reaches the Huffman tables and the match decoder.
 */
#pragma once

#include "pa30.h"

G_BEGIN_DECLS

GBytes *_ue_pa30_decode_payload (GBytes        *base,
                                 const guint8  *payload,
                                 gsize          len,
                                 gsize          target_size,
                                 GError       **error);

G_END_DECLS
