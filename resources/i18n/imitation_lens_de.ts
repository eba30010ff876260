<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>See side by side how a model fine-tuned on a stronger model&apos;s answers copies its style but not its knowledge.</source>
        <translation>Sehen Sie nebeneinander, wie ein Modell, das mit den Antworten eines stärkeren Modells feinabgestimmt wurde, dessen Stil übernimmt, aber nicht dessen Wissen.</translation>
    </message>
    <message>
        <source>Versions, licences and data folder</source>
        <translation>Versionen, Lizenzen und Datenordner</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
    <message>
        <source>Put the versions and licences on the clipboard, as text</source>
        <translation>Die Versionen und Lizenzen als Text in die Zwischenablage legen</translation>
    </message>
    <message>
        <source>Looking up the versions…</source>
        <translation>Die Versionen werden ermittelt…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>{app} is already open on this data folder. Switch to its window, or start this one with --data-dir and another folder.</source>
        <translation>{app} ist mit diesem Datenordner schon geöffnet. Wechseln Sie zu seinem Fenster, oder starten Sie dieses mit --data-dir und einem anderen Ordner.</translation>
    </message>
    <message>
        <source>The data folder {folder} can&apos;t be created or written to ({reason}), so the app has nowhere to keep your work.

Start it with --data-dir and a folder you can write to, for example: imitation-lens --data-dir ~/imitation-lens-data</source>
        <translation>Der Datenordner {folder} kann nicht angelegt oder beschrieben werden ({reason}), daher kann die App Ihre Arbeit nirgends speichern.

Starten Sie sie mit --data-dir und einem Ordner, in den Sie schreiben dürfen, zum Beispiel: imitation-lens --data-dir ~/imitation-lens-data</translation>
    </message>
    <message>
        <source>{app} is already open on this data folder: its window was brought to the front.</source>
        <translation>{app} ist mit diesem Datenordner schon geöffnet: sein Fenster wurde nach vorne geholt.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>&lt;b&gt;Blind session.&lt;/b&gt; The answers appear as Answer 1, 2, … in an order that changes from item to item; who wrote which, and how fast, is shown once you submit your verdict for the item.</source>
        <translation>&lt;b&gt;Blinde Sitzung.&lt;/b&gt; Die Antworten erscheinen als Antwort 1, 2, … in einer Reihenfolge, die von Eintrag zu Eintrag wechselt; wer welche geschrieben hat und wie schnell, sehen Sie, sobald Sie Ihr Urteil zum Eintrag abgegeben haben.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo lineup.&lt;/b&gt; Every column runs the small built-in model Gemma 3 270M, offline, so you can try the app right away; {names} is a stand-in. Use a column&apos;s &lt;i&gt;Settings…&lt;/i&gt; to load a real imitator or connect a teacher API.</source>
        <translation>&lt;b&gt;Demo-Aufstellung.&lt;/b&gt; Jede Spalte führt das kleine eingebaute Modell Gemma 3 270M aus, offline, damit Sie die App gleich ausprobieren können; {names} ist ein Platzhalter. Mit den &lt;i&gt;Einstellungen…&lt;/i&gt; einer Spalte laden Sie einen echten Imitator oder verbinden eine Lehrer-API.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo lineup.&lt;/b&gt; Every column runs the small built-in model Gemma 3 270M, offline, so you can try the app right away; {names} are stand-ins. Use a column&apos;s &lt;i&gt;Settings…&lt;/i&gt; to load a real imitator or connect a teacher API.</source>
        <translation>&lt;b&gt;Demo-Aufstellung.&lt;/b&gt; Jede Spalte führt das kleine eingebaute Modell Gemma 3 270M aus, offline, damit Sie die App gleich ausprobieren können; {names} sind Platzhalter. Mit den &lt;i&gt;Einstellungen…&lt;/i&gt; einer Spalte laden Sie einen echten Imitator oder verbinden eine Lehrer-API.</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} und {last}</translation>
    </message>
    <message>
        <source>{name} is a model made on this computer: {what}.</source>
        <translation>{name} ist ein auf diesem Computer erstelltes Modell: {what}.</translation>
    </message>
    <message>
        <source>{names} runs the model it was made from, asked the same way, so what differs between them is the fine-tuning alone.</source>
        <translation>{names} führt das Modell aus, aus dem es erstellt wurde, und fragt es auf dieselbe Weise, sodass sich beide nur durch die Feinabstimmung unterscheiden.</translation>
    </message>
    <message>
        <source>{names} is a stand-in (the small built-in Gemma 3 270M); use its &lt;i&gt;Settings…&lt;/i&gt; to connect a teacher API.</source>
        <translation>{names} ist ein Platzhalter (das kleine eingebaute Gemma 3 270M); verbinden Sie über seine &lt;i&gt;Einstellungen…&lt;/i&gt; eine Lehrer-API.</translation>
    </message>
    <message>
        <source>{names} are stand-ins (the small built-in Gemma 3 270M); use their &lt;i&gt;Settings…&lt;/i&gt; to connect a teacher API.</source>
        <translation>{names} sind Platzhalter (das kleine eingebaute Gemma 3 270M); verbinden Sie über ihre &lt;i&gt;Einstellungen…&lt;/i&gt; eine Lehrer-API.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Made here.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hier erstellt.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved yet.&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;Noch nicht gespeichert.&lt;/b&gt; {message}</translation>
    </message>
</context>
<context>
    <name>BatchMenu</name>
    <message>
        <source>&amp;Prompt sets…</source>
        <translation>&amp;Fragensätze…</translation>
    </message>
    <message>
        <source>&amp;Pause batch</source>
        <translation>Stapel &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Resume batch</source>
        <translation>Stapel fort&amp;setzen</translation>
    </message>
    <message>
        <source>&amp;Cancel batch…</source>
        <translation>Stapel &amp;abbrechen…</translation>
    </message>
    <message>
        <source>Retry &amp;failed answers</source>
        <translation>Fehlgeschlagene Antworten &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Next unjudged item</source>
        <translation>&amp;Nächster unbewerteter Eintrag</translation>
    </message>
    <message>
        <source>Cancel the batch “{name}”? The questions not asked yet are removed; every answer already written is kept.</source>
        <translation>Den Stapel „{name}“ abbrechen? Die noch nicht gestellten Fragen werden entfernt; jede schon geschriebene Antwort bleibt erhalten.</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>Stapel abbrechen</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>BatchStart</name>
    <message>
        <source>dd MMMM yyyy, HH:mm</source>
        <comment>Qt&apos;s date format</comment>
        <translation>d. MMMM yyyy, HH:mm</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>The details are in the log: {file}.</source>
        <translation>Die Einzelheiten stehen im Protokoll: {file}.</translation>
    </message>
    <message>
        <source>The details were written to the terminal.</source>
        <translation>Die Einzelheiten wurden im Terminal ausgegeben.</translation>
    </message>
    <message>
        <source>Something went wrong inside the app. Your saved work is safe: answers, marks and verdicts are written as they happen.

{where} If something on screen looks wrong, close the app and start it again. If it happens again, please send the log to whoever gave you the app.</source>
        <translation>In der App ist etwas schiefgegangen. Ihre gespeicherte Arbeit ist sicher: Antworten, Markierungen und Urteile werden sofort geschrieben.

{where} Wenn etwas auf dem Bildschirm falsch aussieht, schließen Sie die App und starten Sie sie neu. Passiert es wieder, schicken Sie das Protokoll bitte an die Person, von der Sie die App haben.</translation>
    </message>
</context>
<context>
    <name>ImitatorWorkshop</name>
    <message>
        <source>Stopped; nothing was kept.</source>
        <translation>Angehalten; nichts davon wurde behalten.</translation>
    </message>
    <message>
        <source>Put it in the Imitator column</source>
        <translation>In die Imitator-Spalte setzen</translation>
    </message>
    <message>
        <source>Make an imitator</source>
        <translation>Einen Imitator erstellen</translation>
    </message>
    <message>
        <source>What training will take</source>
        <translation>Was das Training brauchen wird</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <source>Stop the training; nothing of it is kept</source>
        <translation>Das Training anhalten; nichts davon wird behalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Reading the answers…</source>
        <translation>Die Antworten werden gelesen…</translation>
    </message>
    <message>
        <source>No session is open yet: ask the teacher some questions.</source>
        <translation>Es ist noch keine Sitzung offen: Stellen Sie dem Lehrer einige Fragen.</translation>
    </message>
    <message>
        <source>Choose a file of teacher answers.</source>
        <translation>Wählen Sie eine Datei mit Lehrer-Antworten.</translation>
    </message>
    <message>
        <source>The answers could not be read</source>
        <translation>Die Antworten konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Checking what training will take…</source>
        <translation>Es wird geprüft, was das Training brauchen wird…</translation>
    </message>
    <message>
        <source>The plan could not be checked</source>
        <translation>Der Plan konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Adding it to your library…</source>
        <translation>Wird Ihrer Bibliothek hinzugefügt…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Added to your library: {title}</source>
        <translation>Ihrer Bibliothek hinzugefügt: {title}</translation>
    </message>
    <message>
        <source>The imitator was made ({path}) but not added to your library. {why} You can add the file yourself in Models ▸ Model library.</source>
        <translation>Der Imitator wurde erstellt ({path}), aber nicht Ihrer Bibliothek hinzugefügt. {why} Sie können die Datei selbst unter Modelle ▸ Modellbibliothek hinzufügen.</translation>
    </message>
    <message>
        <source>It was not added</source>
        <translation>Er wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>The training stopped</source>
        <translation>Das Training wurde abgebrochen</translation>
    </message>
    <message>
        <source>In the Imitator column</source>
        <translation>In der Imitator-Spalte</translation>
    </message>
</context>
<context>
    <name>LibraryRows</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Quantisation</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Chat-Vorlage</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Checksum (sha256)</source>
        <translation>Prüfsumme (sha256)</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>{number}B</source>
        <translation>{number} Mrd.</translation>
    </message>
    <message>
        <source>{number}M</source>
        <translation>{number} Mio.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (base model)</source>
        <translation>nein (Basismodell)</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Ships with Imitation Lens and runs wherever a column says “built in”; it stays in the library.</source>
        <translation>Kommt mit Imitation Lens und läuft überall, wo eine Spalte „built in“ zeigt; es bleibt in der Bibliothek.</translation>
    </message>
    <message>
        <source>Ships with Imitation Lens: imitators are made from it (Models ▸ Make an imitator…). Licence {licence}. It stays in the library.</source>
        <translation>Kommt mit Imitation Lens: Daraus werden Imitatoren erstellt (Modelle ▸ Einen Imitator erstellen…). Lizenz {licence}. Es bleibt in der Bibliothek.</translation>
    </message>
    <message>
        <source>Made here.</source>
        <translation>Hier erstellt.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your data…</source>
        <translation>Ihre Daten werden geöffnet…</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Stapel</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>Stop the answers being written (Esc) before starting a new session.</source>
        <translation>Halten Sie die Antworten an, die gerade geschrieben werden (Esc), bevor Sie eine neue Sitzung beginnen.</translation>
    </message>
    <message>
        <source>New blind session: answers are shown as Answer 1…N until your verdict.</source>
        <translation>Neue blinde Sitzung: Die Antworten heißen bis zu Ihrem Urteil Antwort 1…N.</translation>
    </message>
    <message>
        <source>New session started.</source>
        <translation>Neue Sitzung begonnen.</translation>
    </message>
    <message>
        <source>Stop the answers being written (Esc) before opening another session.</source>
        <translation>Halten Sie die Antworten an, die gerade geschrieben werden (Esc), bevor Sie eine andere Sitzung öffnen.</translation>
    </message>
    <message numerus="yes">
        <source>Opened “{title}”: %n item(s).</source>
        <translation>
            <numerusform>„{title}“ geöffnet: %n Eintrag.</numerusform>
            <numerusform>„{title}“ geöffnet: %n Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Session exported to {path}</source>
        <translation>Sitzung exportiert nach {path}</translation>
    </message>
    <message>
        <source>Saving works again; everything is written.</source>
        <translation>Speichern geht wieder; alles ist geschrieben.</translation>
    </message>
</context>
<context>
    <name>MarkStyle</name>
    <message>
        <source>Minor (dotted)</source>
        <translation>Leicht (gepunktet)</translation>
    </message>
    <message>
        <source>Major (wavy)</source>
        <translation>Schwer (gewellt)</translation>
    </message>
</context>
<context>
    <name>ModelsMenu</name>
    <message>
        <source>Model &amp;library…</source>
        <translation>Modell&amp;bibliothek…</translation>
    </message>
    <message>
        <source>&amp;Lineup…</source>
        <translation>&amp;Aufstellung…</translation>
    </message>
    <message>
        <source>&amp;Teacher connections…</source>
        <translation>&amp;Lehrer-Verbindungen…</translation>
    </message>
    <message>
        <source>&amp;Make an imitator…</source>
        <translation>Einen &amp;Imitator erstellen…</translation>
    </message>
    <message>
        <source>&amp;Export demo pack…</source>
        <translation>Demo-Paket &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import demo pack…</source>
        <translation>Demo-Paket im&amp;portieren…</translation>
    </message>
    <message>
        <source>The model made could not be added to the library: {error}</source>
        <translation>Das erstellte Modell konnte nicht der Bibliothek hinzugefügt werden: {error}</translation>
    </message>
    <message>
        <source>Export demo pack</source>
        <translation>Demo-Paket exportieren</translation>
    </message>
    <message>
        <source>Demo pack (*.json)</source>
        <translation>Demo-Paket (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Demo pack written to {target}: %n recorded teacher answer(s).</source>
        <translation>
            <numerusform>Demo-Paket nach {target} geschrieben: %n aufgezeichnete Lehrer-Antwort.</numerusform>
            <numerusform>Demo-Paket nach {target} geschrieben: %n aufgezeichnete Lehrer-Antworten.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no recorded teacher answers in this session yet: connect a teacher and ask the questions once, then export.</source>
        <translation>In dieser Sitzung gibt es noch keine aufgezeichneten Lehrer-Antworten: Verbinden Sie einen Lehrer, stellen Sie die Fragen einmal und exportieren Sie dann.</translation>
    </message>
    <message>
        <source>The demo pack could not be written to {target}: {reason}</source>
        <translation>Das Demo-Paket konnte nicht nach {target} geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Import demo pack</source>
        <translation>Demo-Paket importieren</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n recorded teacher answer(s) from {file}. In a teacher column they stand in when the teacher can&apos;t be reached.</source>
        <translation>
            <numerusform>%n aufgezeichnete Lehrer-Antwort aus {file} importiert. In einer Lehrer-Spalte springt sie ein, wenn der Lehrer nicht erreichbar ist.</numerusform>
            <numerusform>%n aufgezeichnete Lehrer-Antworten aus {file} importiert. In einer Lehrer-Spalte springen sie ein, wenn der Lehrer nicht erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} could not be read</source>
        <translation>{file} konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>Nichts wurde importiert. {reason}</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>Die Zahlen werden berechnet…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the report</source>
        <translation>Den Bericht schließen</translation>
    </message>
    <message>
        <source>Leave out the verdicts on questions where an answer may reveal its author</source>
        <translation>Urteile zu Fragen weglassen, bei denen eine Antwort ihren Urheber verraten könnte</translation>
    </message>
    <message>
        <source>The report could not be made</source>
        <translation>Der Bericht konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Question sets: {sets}.</source>
        <translation>Fragensätze: {sets}.</translation>
    </message>
    <message numerus="yes">
        <source>%n judged item(s)</source>
        <translation>
            <numerusform>%n bewerteter Eintrag</numerusform>
            <numerusform>%n bewertete Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not judged yet</source>
        <translation>
            <numerusform>, %n noch nicht bewertet</numerusform>
            <numerusform>, %n noch nicht bewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n verdict(s)</source>
        <translation>
            <numerusform>%n Urteil</numerusform>
            <numerusform>%n Urteile</numerusform>
        </translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <source>{judged}, {verdicts}, marks by {who}. Bars show each model&apos;s figure; the thin line across a bar&apos;s end is the range the figure would likely fall in with other questions of the same kind ({interval} interval, shown from 5 items on).</source>
        <translation>{judged}, {verdicts}, Markierungen von {who}. Die Balken zeigen den Wert jedes Modells; die dünne Linie am Ende eines Balkens ist der Bereich, in dem der Wert mit anderen Fragen derselben Art wahrscheinlich läge ({interval}-Intervall, gezeigt ab 5 Einträgen).</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>Pro Modell</translation>
    </message>
    <message>
        <source>Figures per model</source>
        <translation>Zahlen pro Modell</translation>
    </message>
    <message>
        <source>Agreement between evaluators</source>
        <translation>Übereinstimmung zwischen den Bewertenden</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>timed out after {seconds} s waiting for {what}</source>
        <translation>Zeitüberschreitung nach {seconds} s beim Warten auf {what}</translation>
    </message>
    <message>
        <source>Imitation Lens {version} ({build}), Python {python}, {system} {machine}; resources in {resources}</source>
        <translation>Imitation Lens {version} ({build}), Python {python}, {system} {machine}; Ressourcen in {resources}</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quellcode</translation>
    </message>
    <message>
        <source>the main window</source>
        <translation>das Hauptfenster</translation>
    </message>
    <message>
        <source>main window open</source>
        <translation>Hauptfenster geöffnet</translation>
    </message>
    <message>
        <source>the demo model&apos;s answer</source>
        <translation>die Antwort des Demo-Modells</translation>
    </message>
    <message>
        <source>the demo model did not answer ({state}): {error}</source>
        <translation>das Demo-Modell hat nicht geantwortet ({state}): {error}</translation>
    </message>
    <message>
        <source>demo model answered {question} with {answer}</source>
        <translation>das Demo-Modell beantwortete {question} mit {answer}</translation>
    </message>
    <message>
        <source>llama.cpp: {info}</source>
        <translation>llama.cpp: {info}</translation>
    </message>
    <message>
        <source>the database to be written</source>
        <translation>das Schreiben der Datenbank</translation>
    </message>
    <message>
        <source>the database did not keep the answer: {rows}, {integrity}</source>
        <translation>die Datenbank hat die Antwort nicht behalten: {rows}, {integrity}</translation>
    </message>
    <message>
        <source>the answer read back differs from the one shown</source>
        <translation>die zurückgelesene Antwort weicht von der angezeigten ab</translation>
    </message>
    <message>
        <source>temporary database written and read back ({size} bytes)</source>
        <translation>vorübergehende Datenbank geschrieben und zurückgelesen ({size} Bytes)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your marks and verdicts carry this name in every export and report, sessions already judged included. Exports written before keep the name they had.</source>
        <translation>Ihre Markierungen und Urteile tragen diesen Namen in jedem Export und Bericht, auch in schon bewerteten Sitzungen. Früher geschriebene Exporte behalten ihren Namen.</translation>
    </message>
    <message>
        <source>Language of the interface</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <source>Keep these preferences</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Schließen, ohne etwas zu ändern</translation>
    </message>
</context>
<context>
    <name>StudyView</name>
    <message>
        <source>Study view</source>
        <translation>Studienansicht</translation>
    </message>
    <message>
        <source>Reading the sessions and working out the figures…</source>
        <translation>Die Sitzungen werden gelesen und die Zahlen berechnet…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the study view</source>
        <translation>Die Studienansicht schließen</translation>
    </message>
    <message>
        <source>Save as &amp;HTML…</source>
        <translation>Als &amp;HTML speichern…</translation>
    </message>
    <message>
        <source>Save as HTML</source>
        <translation>Als HTML speichern</translation>
    </message>
    <message>
        <source>Write the study&apos;s table as one web page</source>
        <translation>Die Tabelle der Studie als eine Webseite schreiben</translation>
    </message>
    <message>
        <source>The study could not be made</source>
        <translation>Die Studie konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>Lehrer</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions read together, one row per model (matched by their role in the lineup). The numbers in brackets are a {interval} interval: the range the figure would likely fall in with other questions of the same kind (shown from 5 questions on).</source>
        <translation>
            <numerusform>%n Sitzung zusammen gelesen, eine Zeile pro Modell (zugeordnet nach ihrer Rolle in der Aufstellung). Die Zahlen in Klammern sind ein {interval}-Intervall: der Bereich, in dem der Wert mit anderen Fragen derselben Art wahrscheinlich läge (gezeigt ab 5 Fragen).</numerusform>
            <numerusform>%n Sitzungen zusammen gelesen, eine Zeile pro Modell (zugeordnet nach ihrer Rolle in der Aufstellung). Die Zahlen in Klammern sind ein {interval}-Intervall: der Bereich, in dem der Wert mit anderen Fragen derselben Art wahrscheinlich läge (gezeigt ab 5 Fragen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sessions used for each column:</source>
        <translation>Für jede Spalte verwendete Sitzungen:</translation>
    </message>
    <message>
        <source>preference against the {teacher}</source>
        <translation>Vorzug gegenüber dem {teacher}</translation>
    </message>
    <message>
        <source>the automatic check (needs reference answers)</source>
        <translation>die automatische Prüfung (braucht Referenzantworten)</translation>
    </message>
    <message>
        <source>errors marked by the evaluator</source>
        <translation>markierte Fehler</translation>
    </message>
    <message>
        <source>style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>The study&apos;s table</source>
        <translation>Die Tabelle der Studie</translation>
    </message>
    <message>
        <source>What each column means</source>
        <translation>Was jede Spalte bedeutet</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>„{title}“</translation>
    </message>
    <message>
        <source>none of them yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Save the study as a web page</source>
        <translation>Die Studie als Webseite speichern</translation>
    </message>
    <message>
        <source>study.html</source>
        <translation>studie.html</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved the study as {path}.</source>
        <translation>Die Studie wurde als {path} gespeichert.</translation>
    </message>
    <message>
        <source>The page could not be saved: {reason}</source>
        <translation>Die Seite konnte nicht gespeichert werden: {reason}</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Training progress</source>
        <translation>Fortschritt des Trainings</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
</context>
<context>
    <name>WindowExport</name>
    <message>
        <source>Export session</source>
        <translation>Sitzung exportieren</translation>
    </message>
    <message>
        <source>The export could not be written to {target}:
{reason}

Your session is safe; choose another place and try again.</source>
        <translation>Der Export konnte nicht nach {target} geschrieben werden:
{reason}

Ihre Sitzung ist sicher; wählen Sie einen anderen Ort und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Import a session</source>
        <translation>Eine Sitzung importieren</translation>
    </message>
    <message>
        <source>Imitation Lens session (*.json)</source>
        <translation>Imitation-Lens-Sitzung (*.json)</translation>
    </message>
    <message>
        <source>Imported “{title}” from {evaluator}: {items}, {marks}, {verdicts}{conflicts}. File ▸ Sessions opens it.</source>
        <translation>„{title}“ von {evaluator} importiert: {items}, {marks}, {verdicts}{conflicts}. Datei ▸ Sitzungen öffnet sie.</translation>
    </message>
    <message>
        <source>{file} could not be read</source>
        <translation>{file} konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing was imported. {message}</source>
        <translation>Nichts wurde importiert. {message}</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <source>New &amp;blind session</source>
        <translation>Neue b&amp;linde Sitzung</translation>
    </message>
    <message>
        <source>Answers appear as Answer 1…N in a counterbalanced order; who wrote which is shown after your verdict</source>
        <translation>Die Antworten erscheinen als Antwort 1…N in ausgeglichener Reihenfolge; wer welche schrieb, zeigt sich nach Ihrem Urteil</translation>
    </message>
    <message>
        <source>&amp;Sessions…</source>
        <translation>&amp;Sitzungen…</translation>
    </message>
    <message>
        <source>&amp;Export session as</source>
        <translation>Sitzung e&amp;xportieren als</translation>
    </message>
    <message>
        <source>&amp;Import a colleague&apos;s session…</source>
        <translation>Sitzung einer anderen Person &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>Be&amp;richt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Your name as the evaluator</source>
        <translation>Ihr Name als bewertende Person</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;How to use Imitation Lens</source>
        <translation>&amp;So benutzen Sie Imitation Lens</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Über {app}</translation>
    </message>
    <message>
        <source>1. Type a question and press Run (Ctrl+Enter). Every column answers it.
2. Read the answers. Select wrong words (mouse, or Shift+arrows in an answer) and press {keys} for the kind of error; m or Shift+M sets Minor or Major; E opens the full form with a note and a correction.
3. Tick “Checked: no errors” on answers you checked and found clean, choose which answer is better and submit the verdict. Ctrl+Page Down goes on.
4. Everything is saved as it happens. File ▸ Export saves the session as JSON.

F1 lists every key. A blind session (File ▸ New blind session) hides who wrote each answer until your verdict.</source>
        <translation>1. Tippen Sie eine Frage ein und drücken Sie „Run“ (Strg+Eingabe). Jede Spalte beantwortet sie.
2. Lesen Sie die Antworten. Markieren Sie falsche Wörter (mit der Maus oder Umschalt+Pfeiltasten in einer Antwort) und drücken Sie {keys} für die Art des Fehlers; m oder Umschalt+M setzt „Minor“ (leicht) oder „Major“ (schwer); E öffnet das ganze Formular mit Notiz und Korrektur.
3. Haken Sie „Checked: no errors“ bei Antworten an, die Sie geprüft und fehlerfrei gefunden haben, wählen Sie die bessere Antwort und geben Sie das Urteil ab. Strg+Bild ab geht weiter.
4. Alles wird sofort gespeichert. Datei ▸ Sitzung exportieren als speichert die Sitzung als JSON.

F1 zeigt alle Tasten. Eine blinde Sitzung (Datei ▸ Neue blinde Sitzung) verbirgt bis zu Ihrem Urteil, wer welche Antwort schrieb.</translation>
    </message>
</context>
<context>
    <name>WindowStartup</name>
    <message>
        <source>A batch was cut off when the app last closed. It is paused: open its session (File ▸ Sessions…) and press Resume in the batch bar to go on where it stopped.</source>
        <translation>Ein Stapel wurde beim letzten Schließen der App unterbrochen. Er ist pausiert: Öffnen Sie seine Sitzung (Datei ▸ Sitzungen…) und drücken Sie in der Stapelleiste auf Fortsetzen, um dort weiterzumachen, wo er stehen blieb.</translation>
    </message>
    <message>
        <source>Ready. F1 lists the keys.</source>
        <translation>Bereit. F1 zeigt die Tasten.</translation>
    </message>
    <message>
        <source>Your saved work in {folder} could not be read</source>
        <translation>Ihre gespeicherte Arbeit in {folder} konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>WorkshopChoices</name>
    <message>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>The model that learns. Models of the Llama family can be trained here; the built-in Gemma cannot.</source>
        <translation>Das Modell, das lernt. Modelle der Llama-Familie lassen sich hier trainieren; das mitgelieferte Gemma nicht.</translation>
    </message>
    <message>
        <source>1. The base model to teach</source>
        <translation>1. Das Basismodell, das lernen soll</translation>
    </message>
    <message>
        <source>The teacher answers that ship with the app</source>
        <translation>Die Lehrer-Antworten, die mit der App kommen</translation>
    </message>
    <message>
        <source>This session&apos;s teacher answers</source>
        <translation>Die Lehrer-Antworten dieser Sitzung</translation>
    </message>
    <message>
        <source>Answers in a file (Alpaca or ShareGPT)</source>
        <translation>Antworten in einer Datei (Alpaca oder ShareGPT)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>The teacher answers chosen</source>
        <translation>Die gewählten Lehrer-Antworten</translation>
    </message>
    <message>
        <source>2. The teacher&apos;s answers to learn from</source>
        <translation>2. Die Antworten des Lehrers, von denen gelernt wird</translation>
    </message>
    <message>
        <source>Times through every answer (epochs)</source>
        <translation>Durchgänge durch alle Antworten (Epochen)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert (Seed)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Show the advanced settings</source>
        <translation>Die erweiterten Einstellungen zeigen</translation>
    </message>
    <message>
        <source>3. Settings</source>
        <translation>3. Einstellungen</translation>
    </message>
    <message>
        <source>Times through every answer (epochs):</source>
        <translation>Durchgänge durch alle Antworten (Epochen):</translation>
    </message>
    <message>
        <source>Seed (the same seed makes the same model):</source>
        <translation>Startwert (derselbe Startwert ergibt dasselbe Modell):</translation>
    </message>
    <message>
        <source>Learning rate (peak):</source>
        <translation>Lernrate (Höchstwert):</translation>
    </message>
</context>
<context>
    <name>WorkshopCounts</name>
    <message numerus="yes">
        <source>%n answers to learn from; {held_out} of them are kept aside to measure how well it learns. Training takes {time} and needs about {memory} of memory and {disk} of disk.</source>
        <translation>
            <numerusform>%n Antwort zum Lernen; {held_out} davon werden beiseitegelegt, um zu messen, wie gut es lernt. Das Training dauert {time} und braucht etwa {memory} Arbeitsspeicher und {disk} Speicherplatz.</numerusform>
            <numerusform>%n Antworten zum Lernen; {held_out} davon werden beiseitegelegt, um zu messen, wie gut es lernt. Das Training dauert {time} und braucht etwa {memory} Arbeitsspeicher und {disk} Speicherplatz.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answers from “{name}”</source>
        <translation>
            <numerusform>%n Antwort aus „{name}“</numerusform>
            <numerusform>%n Antworten aus „{name}“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n epoch</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n epochs</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkshopForm</name>
    <message>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>etwa {minutes} Min.</translation>
    </message>
    <message>
        <source>about {hours} hours</source>
        <translation>etwa {hours} Stunden</translation>
    </message>
    <message>
        <source>written by {teacher}</source>
        <translation>geschrieben von {teacher}</translation>
    </message>
    <message>
        <source>licence: {licence}</source>
        <translation>Lizenz: {licence}</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Training loss {train} · held-out loss {held} (lower is better for both)</source>
        <translation>Trainingsverlust {train} · Verlust auf zurückgehaltenen Antworten {held} (bei beiden ist niedriger besser)</translation>
    </message>
    <message>
        <source>Training loss {train} · held-out loss {held}, {start} before training (lower is better for both)</source>
        <translation>Trainingsverlust {train} · Verlust auf zurückgehaltenen Antworten {held}, vor dem Training {start} (bei beiden ist niedriger besser)</translation>
    </message>
    <message>
        <source>? epochs</source>
        <translation>? Epochen</translation>
    </message>
    <message>
        <source>Made from {base} with {answers} answers from “{data}”, {epochs}{kept}, seed {seed}.</source>
        <translation>Erstellt aus {base} mit {answers} Antworten aus „{data}“, {epochs}{kept}, Startwert {seed}.</translation>
    </message>
    <message>
        <source>Held-out loss {before} before training → {after} (lower is better)</source>
        <translation>Verlust auf zurückgehaltenen Antworten vor dem Training {before} → {after} (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Teacher answers</source>
        <translation>Lehrer-Antworten</translation>
    </message>
    <message>
        <source>Teacher answers (*.json *.jsonl *.csv *.parquet);;All files (*)</source>
        <translation>Lehrer-Antworten (*.json *.jsonl *.csv *.parquet);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The imitator is still being trained. Stop the training and close? Nothing of it is kept.</source>
        <translation>Der Imitator wird noch trainiert. Das Training anhalten und schließen? Nichts davon wird behalten.</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Anhalten und schließen</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>Weiter trainieren</translation>
    </message>
</context>
<context>
    <name>_ImportCounts</name>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n neuer Eintrag</numerusform>
            <numerusform>%n neue Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new mark(s)</source>
        <translation>
            <numerusform>%n neue Markierung</numerusform>
            <numerusform>%n neue Markierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new verdict(s)</source>
        <translation>
            <numerusform>%n neues Urteil</numerusform>
            <numerusform>%n neue Urteile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n conflict(s) kept as they were here</source>
        <translation>
            <numerusform>; %n Konflikt so belassen, wie er hier war</numerusform>
            <numerusform>; %n Konflikte so belassen, wie sie hier waren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ReportCounts</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_StartupCounts</name>
    <message numerus="yes">
        <source>%n answer(s) were cut off when the app last closed; their text so far is kept and marked Interrupted.</source>
        <translation>
            <numerusform>%n Antwort wurde beim letzten Schließen der App abgeschnitten; ihr bisheriger Text bleibt erhalten und ist als unterbrochen gekennzeichnet.</numerusform>
            <numerusform>%n Antworten wurden beim letzten Schließen der App abgeschnitten; ihr bisheriger Text bleibt erhalten und ist als unterbrochen gekennzeichnet.</numerusform>
        </translation>
    </message>
</context>
</TS>
