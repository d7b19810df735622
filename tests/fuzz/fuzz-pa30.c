/* fuzz-pa30.c — libFuzzer target: compressed manifests and bare PA30 payloads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-corpus: ../shared/test-vectors/dcm ../shared/test-vectors/dcm/fuzz-seeds
 *
 * Each input goes through the whole-file path (DCM or PA30 header first) and, since
 * hostile headers mostly stop at the file-type check, also straight into the payload
 * decoder: its first two bytes give the target size.
 */
#include <stdint.h>
#include <stdlib.h>

#include "core/pa30-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GBytes *base;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  const char *shared = g_getenv ("UE_SHARED_DIR");
  g_autofree char *path = g_build_filename (shared ? shared : "../shared", "test-vectors", "dcm",
                                            "base_manifest.bin", NULL);
  char *contents;
  gsize len;

  if (g_file_get_contents (path, &contents, &len, NULL))
    base = g_bytes_new_take (contents, len);
  else
    base = g_bytes_new_static ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<assembly/>\r\n", 50);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  GBytes *out;

  if (ue_dcm_is_compressed (data, size))
    out = ue_dcm_decode (base, data, size, &error);
  else
    out = ue_pa30_apply (base, data, size, &error);
  g_assert ((out == NULL) != (error == NULL));
  g_clear_pointer (&out, g_bytes_unref);
  g_clear_error (&error);

  if (size >= 2)
    {
      out = _ue_pa30_decode_payload (base, data + 2, size - 2, data[0] | data[1] << 8, &error);
      g_assert ((out == NULL) != (error == NULL));
      g_clear_pointer (&out, g_bytes_unref);
      g_clear_error (&error);
    }
  return 0;
}
