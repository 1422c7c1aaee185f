<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ExportAction</name>
    <message>
        <location filename="../../ui/export_action.py" line="77" />
        <source>Export compte-rendu…</source>
        <translation>Exporter le compte-rendu…</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="96" />
        <source>Export the compte-rendu</source>
        <translation>Exporter le compte-rendu</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="98" />
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="111" />
        <source>Writing the compte-rendu…</source>
        <translation>Écriture du compte-rendu…</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="134" />
        <source>The compte-rendu is written:
{0}

Open it?</source>
        <translation>Le compte-rendu est écrit :
{0}

L'ouvrir ?</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="135" />
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="141" />
        <source>The compte-rendu was not exported.</source>
        <translation>Le compte-rendu n'a pas été exporté.</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../../ui/general_tab.py" line="75" />
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="83" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="85" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="87" />
        <source>Body</source>
        <translation>Instance</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="88" />
        <source>One line per line of the cover</source>
        <translation>Une ligne par ligne de la couverture</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="91" />
        <source>Document title</source>
        <translation>Titre du document</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="94" />
        <source>Meeting title</source>
        <translation>Titre de la réunion</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="96" />
        <source>When and where</source>
        <translation>Date et lieu</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="98" />
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="112" />
        <source>Date, start, end, time zone</source>
        <translation>Date, début, fin, fuseau</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="114" />
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="114" />
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="114" />
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="117" />
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="120" />
        <source>Language of the document</source>
        <translation>Langue du document</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="124" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="127" />
        <source>Photo album link</source>
        <translation>Lien de l'album photo</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="132" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="134" />
        <source>Opening text (Markdown)</source>
        <translation>Texte d'ouverture (Markdown)</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="137" />
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="138" />
        <source>Co-organisers</source>
        <translation>Co-organisateurs</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="139" />
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="199" />
        <source>Edit « {0} »</source>
        <translation>Modifier « {0} »</translation>
    </message>
</context>
<context>
    <name>Guard</name>
    <message>
        <location filename="../../ui/guard.py" line="44" />
        <source>Something unexpected went wrong: {0}
Your data is stored; you can go on working.</source>
        <translation>Une erreur inattendue s'est produite : {0}
Vos données sont enregistrées ; vous pouvez continuer.</translation>
    </message>
    <message>
        <location filename="../../ui/guard.py" line="48" />
        <source>Details are in {0}.</source>
        <translation>Les détails sont dans {0}.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="14" />
        <source>Welcome</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16" />
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17" />
        <source>Meal</source>
        <translation>Repas</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18" />
        <source>Debate</source>
        <translation>Débat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19" />
        <source>Conclusions</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26" />
        <source>Moderator</source>
        <translation>Animation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27" />
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33" />
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34" />
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35" />
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42" />
        <source>Final</source>
        <translation>Définitif</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <location filename="../../ui/logo_field.py" line="28" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="29" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="54" />
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="54" />
        <source>(cannot show)</source>
        <translation>(affichage impossible)</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="59" />
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="59" />
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="68" />
        <source>Cannot read {0}: {1}</source>
        <translation>Impossible de lire {0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="71" />
        <source>{0} is not an image Minutier can use.</source>
        <translation>{0} n'est pas une image que Minutier sait utiliser.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="48" />
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="49" />
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51" />
        <source>Compte-rendu</source>
        <translation>Compte-rendu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131" />
        <source>Saved at {0}</source>
        <translation>Enregistré à {0}</translation>
    </message>
</context>
<context>
    <name>MeetingsPanel</name>
    <message>
        <location filename="../../ui/meetings_panel.py" line="46" />
        <location filename="../../ui/meetings_panel.py" line="113" />
        <source>New meeting</source>
        <translation>Nouvelle réunion</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="49" />
        <source>Duplicate meeting</source>
        <translation>Dupliquer la réunion</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="52" />
        <source>Delete meeting…</source>
        <translation>Supprimer la réunion…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="63" />
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="64" />
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="65" />
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="73" />
        <source>&lt;b&gt;Meetings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Réunions&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="127" />
        <source>Delete the meeting « {0} » of {1}, with its programme, participants and report?
This cannot be undone.</source>
        <translation>Supprimer la réunion « {0} » du {1}, avec son programme, ses participants et son compte-rendu ?
Cela ne peut pas être annulé.</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="130" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../ui/menus.py" line="19" />
        <location filename="../../ui/menus.py" line="33" />
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="22" />
        <location filename="../../ui/menus.py" line="40" />
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="31" />
        <source>Undo {0}</source>
        <translation>Annuler : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="38" />
        <source>Redo {0}</source>
        <translation>Rétablir : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="48" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="55" />
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="59" />
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="64" />
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="70" />
        <source>Interface language</source>
        <translation>Langue de l'interface</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="80" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="81" />
        <location filename="../../ui/menus.py" line="85" />
        <source>About Minutier</source>
        <translation>À propos de Minutier</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="86" />
        <source>Minutier — the editor for the minutes of yearly meetings.
Database: {0}</source>
        <translation>Minutier — l'éditeur des comptes-rendus des réunions annuelles.
Base de données : {0}</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/programme/people_model.py" line="60" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="60" />
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="60" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="60" />
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="60" />
        <source>Remote</source>
        <translation>À distance</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="85" />
        <source>In the roster.</source>
        <translation>Dans l'annuaire.</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="85" />
        <source>Not linked to the roster.</source>
        <translation>Pas relié à l'annuaire.</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="97" />
        <source>Choose person</source>
        <translation>Choisir la personne</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="100" />
        <source>Change remote</source>
        <translation>Modifier « à distance »</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="106" />
        <source>Change speaker</source>
        <translation>Modifier l'intervenant</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="138" />
        <source>Add moderator</source>
        <translation>Ajouter une animation</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="138" />
        <source>Add speaker</source>
        <translation>Ajouter un intervenant</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="155" />
        <source>Remove « {0} »</source>
        <translation>Retirer « {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="172" />
        <source>Move « {0} »</source>
        <translation>Déplacer « {0} »</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="58" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="59" />
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="60" />
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="66" />
        <source>Name: type to search the roster, or a new name</source>
        <translation>Nom : tapez pour chercher dans l'annuaire, ou un nouveau nom</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="68" />
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="71" />
        <source>Add speaker</source>
        <translation>Ajouter un intervenant</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="72" />
        <source>Add moderator</source>
        <translation>Ajouter une animation</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="107" />
        <source>Select an item of the programme to see its moderators and speakers.</source>
        <translation>Choisissez un point du programme pour voir son animation et ses intervenants.</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="110" />
        <source>&lt;b&gt;Moderators and speakers&lt;/b&gt; of « {0} »</source>
        <translation>&lt;b&gt;Animation et intervenants&lt;/b&gt; de « {0} »</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <location filename="../../ui/programme/rows.py" line="64" />
        <source>Ends before it starts.</source>
        <translation>Finit avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../ui/programme/rows.py" line="67" />
        <source>Overlaps « {0} », which ends at {1}.</source>
        <translation>Chevauche « {0} », qui finit à {1}.</translation>
    </message>
</context>
<context>
    <name>ProgrammeModel</name>
    <message>
        <location filename="../../ui/programme/model.py" line="123" />
        <source>Time</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="123" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="123" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="123" />
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="123" />
        <source>Debate</source>
        <translation>Débat</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="181" />
        <source>Change débat</source>
        <translation>Modifier « débat »</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="189" />
        <source>« {0} » is not a time range; type it like 10:30-11:45.</source>
        <translation>« {0} » n'est pas un horaire ; tapez-le ainsi : 10:30-11:45.</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="192" />
        <source>Change times</source>
        <translation>Modifier l'horaire</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="194" />
        <source>Change title</source>
        <translation>Modifier le titre</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="196" />
        <source>Change kind</source>
        <translation>Modifier le type</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="198" />
        <source>Change format</source>
        <translation>Modifier le format</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="234" />
        <source>New item</source>
        <translation>Nouveau point</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="240" />
        <source>Add item</source>
        <translation>Ajouter un point</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="260" />
        <source>Add sub-topic</source>
        <translation>Ajouter un sous-thème</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="262" />
        <source>New sub-topic</source>
        <translation>Nouveau sous-thème</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="274" />
        <source>Delete « {0} »</source>
        <translation>Supprimer « {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="301" />
        <source>Move « {0} »</source>
        <translation>Déplacer « {0} »</translation>
    </message>
</context>
<context>
    <name>ProgrammeTab</name>
    <message>
        <location filename="../../ui/programme/tab.py" line="61" />
        <source>Add item</source>
        <translation>Ajouter un point</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="63" />
        <source>Add sub-topic</source>
        <translation>Ajouter un sous-thème</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="65" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="66" />
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="67" />
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="157" />
        <source>Select the item that gets the sub-topic.</source>
        <translation>Choisissez le point qui reçoit le sous-thème.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/programme/tab.py" line="197" />
        <source>⚠ %n item(s) with a time problem: hover the red times to see why.</source>
        <translation>
            <numerusform>⚠ %n point a un problème d'horaire : survolez l'horaire en rouge pour voir pourquoi.</numerusform><numerusform>⚠ %n points ont un problème d'horaire : survolez les horaires en rouge pour voir pourquoi.</numerusform></translation>
    </message>
</context>
<context>
    <name>TabSlot</name>
    <message>
        <location filename="../../ui/tab_slots.py" line="43" />
        <source>This tab is not available in this version.</source>
        <translation>Cet onglet n'est pas disponible dans cette version.</translation>
    </message>
</context>
</TS>