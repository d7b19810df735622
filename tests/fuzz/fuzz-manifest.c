/* fuzz-manifest.c — libFuzzer target: the component manifest and package (.mum) reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-corpus: tests/data/manifests
 *
 * Whatever the bytes: a definition or an error with a message, and the quick
 * "has settings" scan never says no to a manifest the parser finds settings in.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "core/catalog.h"
#include "core/manifest-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  UeComponentDef *component;
  UePackageDef *package;
  gboolean maybe_settings;

  if (size > 256 * 1024)
    return -1;
  ue_manifest_is_compressed ((const char *) data, size);
  maybe_settings = ue_manifest_has_settings ((const char *) data, size);
  component = ue_manifest_read_component ((const char *) data, size, "fuzz.manifest", &error);
  if (component == NULL)
    fuzz_check_error (error);
  else
    {
      if (component->settings != NULL && component->settings->len > 0 && !maybe_settings)
        {
          g_printerr ("the prefilter says no settings, the parser found %u\n", component->settings->len);
          abort ();
        }
      ue_component_def_unref (component);
    }
  g_clear_error (&error);
  package = ue_manifest_read_package ((const char *) data, size, "fuzz.mum", &error);
  if (package == NULL)
    fuzz_check_error (error);
  else
    ue_package_def_unref (package);
  return 0;
}
