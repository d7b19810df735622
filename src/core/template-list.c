/* template-list.c — the answer-file templates shipped in the core GResource, and baselines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>

#include "template-list.h"

#define TEMPLATE_DIR "/org/unattendeditor/core/templates/"

G_DEFINE_QUARK (ue-template-error-quark, ue_template_error)

void
ue_template_info_free (UeTemplateInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->title);
  g_free (info->description);
  g_free (info);
}

static GKeyFile *
load_index (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) index = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  bytes = g_resources_lookup_data (TEMPLATE_DIR "templates.ini", G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL ||
      !g_key_file_load_from_bytes (index, bytes, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, UE_TEMPLATE_ERROR, UE_TEMPLATE_ERROR_FAILED,
                   _("the template index cannot be read: %s"), local_error->message);
      return NULL;
    }
  return g_steal_pointer (&index);
}

GPtrArray *
ue_template_list (GError **error)
{
  g_autoptr(GKeyFile) index = load_index (error);
  g_auto(GStrv) groups = NULL;
  GPtrArray *list;

  if (index == NULL)
    return NULL;
  groups = g_key_file_get_groups (index, NULL);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_template_info_free);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      UeTemplateInfo *info = g_new0 (UeTemplateInfo, 1);
      g_autofree char *title = g_key_file_get_string (index, groups[i], "title", NULL);
      g_autofree char *description = g_key_file_get_string (index, groups[i], "description", NULL);

      info->name = g_strdup (groups[i]);
      /* the index is data, but its strings are shown: translated like the rest of the UI */
      info->title = g_strdup (title ? _(title) : groups[i]);
      info->description = g_strdup (description ? _(description) : "");
      g_ptr_array_add (list, info);
    }
  return list;
}

UeAnswerDoc *
ue_template_new_document (const char  *name,
                          GError     **error)
{
  g_autoptr(GKeyFile) index = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *resource = NULL;
  g_autoptr(GError) local_error = NULL;
  UeAnswerDoc *doc;

  g_return_val_if_fail (name != NULL, NULL);

  index = load_index (error);
  if (index == NULL)
    return NULL;
  /* only names of the index: a name cannot reach other resources ("../catalog/…") */
  if (!g_key_file_has_group (index, name))
    {
      g_set_error (error, UE_TEMPLATE_ERROR, UE_TEMPLATE_ERROR_NOT_FOUND,
                   _("no template named “%s” (unattend-tool new --list shows them)"), name);
      return NULL;
    }
  resource = g_strconcat (TEMPLATE_DIR, name, ".xml", NULL);
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, UE_TEMPLATE_ERROR, UE_TEMPLATE_ERROR_FAILED,
                   _("template “%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  doc = ue_answer_doc_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, error);
  /* a template's placeholder passwords are plain text; what the user types in is
   * hidden on save, as in a document started empty */
  if (doc != NULL)
    ue_answer_doc_set_hide_sensitive_data (doc, TRUE);
  return doc;
}

UeAnswerDoc *
ue_template_open_baseline (const char  *path,
                           GError     **error)
{
  UeAnswerDoc *doc;

  g_return_val_if_fail (path != NULL, NULL);

  doc = ue_answer_doc_new_from_file (path, error);
  /* the path names the file in messages only: the document stays untitled */
  if (doc != NULL)
    ue_answer_doc_set_untitled (doc);
  return doc;
}
