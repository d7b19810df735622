/* cmd-catalog.c — unattend-tool images WIM; catalog build WIM[:N|:NAME]; catalog show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-tool"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli-json.h"
#include "core/catalog-file.h"
#include "core/wim-source.h"

/* ---- images ---- */

int
ue_cmd_images (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("WIM — list the images of a WIM or ESD"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autofree char *guid = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc != 2)
    {
      ue_cli_error (_("usage: unattend-tool images [--json] WIM"));
      return UE_EXIT_FAILURE;
    }
  images = ue_wim_source_list_images (argv[1], &guid, &error);
  if (images == NULL)
    return ue_cli_report (error, argv[1]);

  if (json)
    {
      UeJson *j = ue_json_new ();
      g_autofree char *text = NULL;

      ue_json_begin_object (j);
      ue_json_key (j, "wimGuid");
      ue_json_string (j, guid);
      ue_json_key (j, "images");
      ue_json_begin_array (j);
      for (guint i = 0; i < images->len; i++)
        {
          UeWimImage *image = g_ptr_array_index (images, i);
          ue_json_begin_object (j);
          ue_json_key (j, "index");
          ue_json_int (j, image->index);
          ue_json_key (j, "name");
          ue_json_string (j, image->name);
          ue_json_key (j, "description");
          ue_json_string (j, image->description);
          ue_json_key (j, "edition");
          ue_json_string (j, image->edition);
          ue_json_key (j, "arch");
          ue_json_string (j, image->arch);
          ue_json_key (j, "version");
          ue_json_string (j, image->version);
          ue_json_key (j, "build");
          ue_json_string (j, image->build);
          ue_json_end_object (j);
        }
      ue_json_end_array (j);
      ue_json_end_object (j);
      text = ue_json_free_to_text (j);
      fputs (text, stdout);
      return UE_EXIT_OK;
    }

  /* one image a line, tab-separated: index, name, arch, build, edition */
  for (guint i = 0; i < images->len; i++)
    {
      UeWimImage *image = g_ptr_array_index (images, i);
      printf ("%u\t%s\t%s\t%s\t%s\n", image->index, image->name,
              image->arch ? image->arch : "-",
              image->version ? image->version : image->build ? image->build : "-",
              image->edition ? image->edition : "-");
    }
  return UE_EXIT_OK;
}

/* ---- catalog build ---- */

static void
print_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  fputc ('\r', stderr);
  fprintf (stderr, _("Reading manifests: %u of %u"), done, total);
  if (done == total)
    fputc ('\n', stderr);
  fflush (stderr);
}

static guint
count_settings (GPtrArray *settings)
{
  guint n = settings->len;
  for (guint i = 0; i < settings->len; i++)
    n += count_settings (((UeSettingDef *) g_ptr_array_index (settings, i))->children);
  return n;
}

static int
catalog_build (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("WIM[:INDEX|:NAME] — build the catalog of an image"));
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) catalog = NULL;
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  g_autofree char *image = NULL;
  const UeCatalogSource *src;
  GPtrArray *components;
  guint n_settings = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the catalog to FILE (default: the cache)"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc != 2)
    {
      ue_cli_error (_("usage: unattend-tool catalog build WIM[:INDEX|:NAME] [-o CATALOG]"));
      return UE_EXIT_FAILURE;
    }
  ue_wim_source_parse_spec (argv[1], &path, &image);
  catalog = ue_wim_source_build_catalog (path, image, isatty (STDERR_FILENO) ? print_progress : NULL,
                                         NULL, NULL, &error);
  if (catalog == NULL)
    return ue_cli_report (error, path);

  src = ue_catalog_get_source (catalog);
  if (output == NULL)
    output = ue_catalog_file_default_path (src->wim_guid, src->image_index);
  if (!ue_catalog_file_save (catalog, output, &error))
    return ue_cli_report (error, output);

  components = ue_catalog_get_components (catalog);
  for (guint i = 0; i < components->len; i++)
    n_settings += count_settings (((UeComponentDef *) g_ptr_array_index (components, i))->settings);
  fprintf (stderr, _("Image %u “%s”: %u components with %u settings, %u packages, from %u manifests\n"),
           src->image_index, src->image_name ? src->image_name : "", components->len, n_settings,
           ue_catalog_get_packages (catalog)->len, src->manifests);
  /* the counts of `catalog show --json`'s source, for scripts that read stderr */
  fprintf (stderr, _("Manifests: %u, compressed: %u, decoded: %u, failed: %u\n"),
           src->manifests, src->compressed, src->decoded, src->failed);
  if (src->compressed > 0 && src->decoded == 0)
    fprintf (stderr, ngettext ("warning: %u compressed manifest was not read: the image has no usable "
                               "Windows/System32/wcp.dll to decode it with\n",
                               "warning: %u compressed manifests were not read: the image has no usable "
                               "Windows/System32/wcp.dll to decode them with\n", src->compressed),
             src->compressed);
  else if (src->compressed > src->decoded)
    fprintf (stderr, ngettext ("warning: %u compressed manifest could not be decoded\n",
                               "warning: %u compressed manifests could not be decoded\n",
                               src->compressed - src->decoded), src->compressed - src->decoded);
  if (src->failed > 0)
    fprintf (stderr, ngettext ("warning: %u manifest could not be read\n", "warning: %u manifests could not be read\n",
                               src->failed), src->failed);
  fprintf (stderr, _("Catalog saved to %s\n"), output);
  return UE_EXIT_OK;
}

/* ---- catalog show ---- */

static const char *
setting_type (const UeSettingDef *def)
{
  return def->value_type == UE_VALUE_TYPE_NONE ? "complex" : ue_value_type_to_string (def->value_type);
}

static void
json_passes (UeJson      *j,
             UePassFlags  passes)
{
  const char *names[UE_N_PASSES + 1] = { NULL };
  guint n = 0;

  for (guint p = 1; p <= UE_N_PASSES; p++)
    if (passes & ue_pass_flag (p))
      names[n++] = ue_pass_name (p);
  ue_json_strv (j, names);
}

static void
json_optional (UeJson     *j,
               const char *key,
               const char *value)
{
  if (value == NULL)
    return;
  ue_json_key (j, key);
  ue_json_string (j, value);
}

static void
json_settings (UeJson    *j,
               GPtrArray *settings)
{
  for (guint i = 0; i < settings->len; i++)
    {
      const UeSettingDef *def = g_ptr_array_index (settings, i);

      ue_json_begin_object (j);
      ue_json_key (j, "path");
      ue_json_string (j, def->path);
      ue_json_key (j, "type");
      ue_json_string (j, setting_type (def));
      json_optional (j, "xsdType", def->xsd_type);
      ue_json_key (j, "passes");
      json_passes (j, def->passes);
      if (def->enum_values != NULL)
        {
          ue_json_key (j, "enum");
          ue_json_strv (j, (const char * const *) def->enum_values);
        }
      if (def->has_min)
        {
          ue_json_key (j, "min");
          ue_json_int (j, def->min);
        }
      if (def->has_max)
        {
          ue_json_key (j, "max");
          ue_json_int (j, def->max);
        }
      if (def->min_length >= 0)
        {
          ue_json_key (j, "minLength");
          ue_json_int (j, def->min_length);
        }
      if (def->max_length >= 0)
        {
          ue_json_key (j, "maxLength");
          ue_json_int (j, def->max_length);
        }
      json_optional (j, "pattern", def->pattern);
      json_optional (j, "default", def->default_value);
      json_optional (j, "key", def->key);
      if (def->kind == UE_SETTING_KIND_LIST)
        {
          ue_json_key (j, "list");
          ue_json_bool (j, TRUE);
        }
      if (!def->visible)
        {
          ue_json_key (j, "visible");
          ue_json_bool (j, FALSE);
        }
      if (def->deprecated)
        {
          ue_json_key (j, "deprecated");
          ue_json_bool (j, TRUE);
        }
      json_optional (j, "displayName", def->display_name);
      json_optional (j, "description", def->description);
      json_optional (j, "appliesTo", def->applies_to);
      ue_json_end_object (j);
      json_settings (j, def->children);
    }
}

static void
json_source (UeJson                *j,
             const UeCatalogSource *src)
{
  static const char * const kinds[] = { "embedded", "file", "image" };

  ue_json_begin_object (j);
  ue_json_key (j, "kind");
  ue_json_string (j, kinds[src->kind]);
  json_optional (j, "path", src->path);
  json_optional (j, "wimGuid", src->wim_guid);
  if (src->image_index > 0)
    {
      ue_json_key (j, "imageIndex");
      ue_json_int (j, src->image_index);
    }
  json_optional (j, "imageName", src->image_name);
  json_optional (j, "build", src->build);
  json_optional (j, "arch", src->arch);
  ue_json_key (j, "manifests");
  ue_json_int (j, src->manifests);
  ue_json_key (j, "compressed");
  ue_json_int (j, src->compressed);
  ue_json_key (j, "decoded");
  ue_json_int (j, src->decoded);
  ue_json_key (j, "failed");
  ue_json_int (j, src->failed);
  ue_json_end_object (j);
}

static char *
catalog_to_json (UeCatalog  *catalog,
                 GPtrArray  *components)
{
  GPtrArray *packages = ue_catalog_get_packages (catalog);
  UeJson *j = ue_json_new ();

  ue_json_begin_object (j);
  ue_json_key (j, "source");
  json_source (j, ue_catalog_get_source (catalog));
  ue_json_key (j, "components");
  ue_json_begin_array (j);
  for (guint i = 0; i < components->len; i++)
    {
      const UeComponentDef *c = g_ptr_array_index (components, i);

      ue_json_begin_object (j);
      ue_json_key (j, "name");
      ue_json_string (j, c->name);
      ue_json_key (j, "arch");
      ue_json_string (j, c->arch);
      json_optional (j, "version", c->version);
      json_optional (j, "publicKeyToken", c->public_key_token);
      json_optional (j, "language", c->language);
      json_optional (j, "versionScope", c->version_scope);
      json_optional (j, "description", c->description);
      if (c->n_hidden > 0)
        {
          ue_json_key (j, "hiddenSettings");
          ue_json_int (j, c->n_hidden);
        }
      ue_json_key (j, "settings");
      ue_json_begin_array (j);
      json_settings (j, c->settings);
      ue_json_end_array (j);
      ue_json_end_object (j);
    }
  ue_json_end_array (j);
  ue_json_key (j, "packages");
  ue_json_begin_array (j);
  for (guint i = 0; i < packages->len; i++)
    {
      const UePackageDef *p = g_ptr_array_index (packages, i);

      ue_json_begin_object (j);
      ue_json_key (j, "name");
      ue_json_string (j, p->name);
      json_optional (j, "arch", p->arch);
      json_optional (j, "version", p->version);
      json_optional (j, "publicKeyToken", p->public_key_token);
      json_optional (j, "language", p->language);
      json_optional (j, "releaseType", p->release_type);
      ue_json_key (j, "features");
      ue_json_strv (j, (const char * const *) p->features);
      ue_json_end_object (j);
    }
  ue_json_end_array (j);
  ue_json_end_object (j);
  return ue_json_free_to_text (j);
}

static void
print_settings (GPtrArray *settings)
{
  for (guint i = 0; i < settings->len; i++)
    {
      const UeSettingDef *def = g_ptr_array_index (settings, i);
      g_autofree char *passes = ue_pass_flags_to_string (def->passes);
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "  %s  %s", def->path, setting_type (def));
      if (def->kind == UE_SETTING_KIND_LIST)
        g_string_append_printf (line, " list key=%s", def->key ? def->key : "-");
      if (def->enum_values != NULL)
        {
          g_autofree char *values = g_strjoinv ("|", def->enum_values);
          g_string_append_printf (line, " {%s}", values);
        }
      if (def->has_min || def->has_max)
        {
          g_string_append (line, " [");
          if (def->has_min)
            g_string_append_printf (line, "%" G_GINT64_FORMAT, def->min);
          g_string_append (line, "..");
          if (def->has_max)
            g_string_append_printf (line, "%" G_GINT64_FORMAT, def->max);
          g_string_append_c (line, ']');
        }
      if (def->default_value != NULL)
        g_string_append_printf (line, " default=%s", def->default_value);
      if (!def->visible)
        g_string_append (line, _(" (hidden)"));
      if (def->deprecated)
        g_string_append (line, _(" (deprecated)"));
      printf ("%s  (%s)\n", line->str, passes);
      g_string_free (line, TRUE);
      print_settings (def->children);
    }
}

static void
print_catalog (UeCatalog *catalog,
               GPtrArray *components,
               gboolean   with_settings)
{
  const UeCatalogSource *src = ue_catalog_get_source (catalog);
  GPtrArray *packages = ue_catalog_get_packages (catalog);

  if (src->kind == UE_CATALOG_SOURCE_EMBEDDED)
    printf (_("Source: the embedded default catalog\n"));
  else if (src->kind == UE_CATALOG_SOURCE_IMAGE)
    printf (_("Source: %s, image %u “%s”, build %s, %s\n"), src->path ? src->path : "?",
            src->image_index, src->image_name ? src->image_name : "",
            src->build ? src->build : "?", src->arch ? src->arch : "?");
  else
    printf (_("Source: %s\n"), src->path ? src->path : "?");

  for (guint i = 0; i < components->len; i++)
    {
      const UeComponentDef *c = g_ptr_array_index (components, i);
      g_autofree char *name = ue_component_def_dup_display_name (c);

      printf (ngettext ("%s  (%u setting)\n", "%s  (%u settings)\n", count_settings (c->settings)),
              name, count_settings (c->settings));
      if (with_settings)
        print_settings (c->settings);
    }
  if (with_settings)
    return;
  for (guint i = 0; i < packages->len; i++)
    {
      const UePackageDef *p = g_ptr_array_index (packages, i);
      g_autofree char *features = g_strjoinv (", ", p->features);
      printf (_("Package %s %s %s: %s\n"), p->name, p->arch ? p->arch : "", p->version ? p->version : "",
              features);
    }
}

static int
catalog_show (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[CATALOG] [COMPONENT] — show a catalog"));
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) catalog = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  const char *file = NULL, *component = NULL;
  GPtrArray *components;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc == 3)
    file = argv[1], component = argv[2];
  else if (argc == 2 && (g_file_test (argv[1], G_FILE_TEST_EXISTS) || strchr (argv[1], '/') != NULL ||
                          g_str_has_suffix (argv[1], ".catalog")))
    file = argv[1];   /* else a component name: component names hold no '/' */
  else if (argc == 2)
    component = argv[1];
  else if (argc != 1)
    {
      ue_cli_error (_("usage: unattend-tool catalog show [CATALOG] [--json] [COMPONENT]"));
      return UE_EXIT_FAILURE;
    }

  catalog = file ? ue_catalog_file_load (file, &error) : ue_catalog_get_default ();
  if (catalog == NULL)
    return ue_cli_report (error, file);

  components = ue_catalog_get_components (catalog);
  for (guint i = 0; i < components->len; i++)
    {
      UeComponentDef *c = g_ptr_array_index (components, i);
      if (component == NULL || g_ascii_strcasecmp (c->name, component) == 0)
        g_ptr_array_add (shown, c);
    }
  if (component != NULL && shown->len == 0)
    {
      ue_cli_error (_("no component “%s” in the catalog"), component);
      return UE_EXIT_FAILURE;
    }

  if (json)
    {
      g_autofree char *text = catalog_to_json (catalog, shown);
      fputs (text, stdout);
    }
  else
    print_catalog (catalog, shown, component != NULL);
  return UE_EXIT_OK;
}

int
ue_cmd_catalog (int    argc,
                char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "build") == 0)
    return catalog_build (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "show") == 0)
    return catalog_show (argc - 1, argv + 1);
  ue_cli_error (_("usage: unattend-tool catalog build|show …"));
  return UE_EXIT_FAILURE;
}
