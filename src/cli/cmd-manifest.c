/* cmd-manifest.c — unattend-tool manifest FILE [--base WCP.DLL|BLOB]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints a component manifest's XML, decoding it first when it is compressed
 * (Windows 8 and later). The base is the image's wcp.dll (its resource 614/1 is
 * used) or that resource already extracted to a file.
 */
#define G_LOG_DOMAIN "unattend-tool"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/pa30.h"
#include "core/pe-resource.h"

static GBytes *
load_base (const char  *path,
           GError     **error)
{
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  const guint8 *data;
  gsize len;

  if (mapped == NULL)
    return NULL;
  file = g_mapped_file_get_bytes (mapped);
  data = g_bytes_get_data (file, &len);
  if (!ue_pe_is_pe (data, len))
    return g_steal_pointer (&file);
  return ue_pe_find_resource (file, UE_PE_MANIFEST_BASE_TYPE, UE_PE_MANIFEST_BASE_ID, error);
}

static gboolean
looks_like_xml (GBytes *bytes)
{
  gsize len;
  const char *p = g_bytes_get_data (bytes, &len);
  gsize i = 0;

  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (p[i]))
    i++;
  return i < len && p[i] == '<';
}

int
ue_cmd_manifest (int    argc,
                 char **argv)
{
  g_autofree char *base_path = NULL;
  const GOptionEntry entries[] = {
    { "base", 'b', 0, G_OPTION_ARG_FILENAME, &base_path,
      N_("wcp.dll of the same image, or its resource 614/1 saved as a file"), N_("WCP.DLL|BLOB") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — print a component manifest, decoded when compressed"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc != 2)
    {
      ue_cli_error (_("usage: unattend-tool manifest FILE [--base WCP.DLL|BLOB]"));
      return UE_EXIT_FAILURE;
    }
  if (!g_file_get_contents (argv[1], &contents, &len, &error))
    return ue_cli_report (error, argv[1]);

  if (!ue_dcm_is_compressed ((const guint8 *) contents, len))
    {
      /* a plain manifest: printed as it is, bytes and all */
      fwrite (contents, 1, len, stdout);
      return ferror (stdout) ? UE_EXIT_FAILURE : UE_EXIT_OK;
    }
  if (base_path == NULL)
    {
      fprintf (stderr, "%s: error: %s\n", argv[1],
               _("the manifest is compressed; give the image's Windows/System32/wcp.dll "
                 "(or its resource 614/1) with --base"));
      return UE_EXIT_FAILURE;
    }
  base = load_base (base_path, &error);
  if (base == NULL)
    return ue_cli_report (error, base_path);
  xml = ue_dcm_decode (base, (const guint8 *) contents, len, &error);
  if (xml == NULL)
    return ue_cli_report (error, argv[1]);
  /* without a hash in the patch, a wrong base decodes to garbage instead of failing */
  if (!looks_like_xml (xml))
    {
      fprintf (stderr, "%s: error: %s\n", argv[1],
               _("the decoded data is not XML: is the base the wcp.dll of the same image?"));
      return UE_EXIT_FAILURE;
    }
  fwrite (g_bytes_get_data (xml, NULL), 1, g_bytes_get_size (xml), stdout);
  return ferror (stdout) ? UE_EXIT_FAILURE : UE_EXIT_OK;
}
