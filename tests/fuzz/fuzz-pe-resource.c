/* fuzz-pe-resource.c — libFuzzer target: finding resource 614/1 in PE files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-corpus: tests/fuzz/seeds-pe
 */
#include <stdint.h>

#include "core/pe-resource.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) pe = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) found = ue_pe_find_resource (pe, 614, 1, &error);

  g_assert ((found == NULL) != (error == NULL));
  if (found != NULL)
    g_assert (g_bytes_get_size (found) <= size);
  return 0;
}
