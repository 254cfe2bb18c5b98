/**
 * Built-in accommodation catalog, in English and Spanish: a stable code, a category, a short
 * title, a one-line summary that says what to do, and three practical tips (during class,
 * while grading, before class). A feed refers to these codes and may override the wording
 * with district text; where and when an accommodation applies (tests, assignments,
 * instruction) comes from the feed, not from the catalog.
 *
 * Wording rules: plain language that says what to do, short sentences, no legal wording, and
 * nothing about plan types, disability categories or diagnoses (tests enforce the last part).
 */

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];

export type CatalogCategory =
  | 'presentation'
  | 'response'
  | 'setting'
  | 'timing'
  | 'organisation'
  | 'grading';

export const CATEGORY_ORDER: readonly CatalogCategory[] = [
  'timing',
  'presentation',
  'response',
  'setting',
  'organisation',
  'grading',
];

export interface CatalogText {
  /** Short, e.g. "Extended time (1.5×)". */
  title: string;
  /** One line that says what to do. */
  summary: string;
  /** Tip: what it looks like during instruction. */
  inClass: string;
  /** Tip: what to do while grading. */
  whileGrading: string;
  /** Tip: what to set up before class (written with paraeducators in mind). */
  beforeClass: string;
}

export interface CatalogEntry {
  /** Stable, lowercase words joined by hyphens; dots allowed (extended-time-1.5x). */
  code: string;
  category: CatalogCategory;
  /** Usually a modification (changes what is learned or assessed) rather than an accommodation. */
  modification: boolean;
  /**
   * How state assessments typically treat it: 'allowed' when most state testing manuals
   * permit it as a standard accommodation; 'varies' when it depends on the state, the test or
   * the content area (or makes the test non-standard); 'not-allowed' when it is usually not
   * permitted on state tests, including supports that only exist in daily classroom work.
   */
  stateAssessment: 'allowed' | 'not-allowed' | 'varies';
  /**
   * Contexts where it matters most, used to sort grading pages: true when it changes how work
   * is graded or timed (extended time, no spelling penalty, calculator, shortened work…).
   */
  gradingRelevant: boolean;
  text: Record<Lang, CatalogText>;
}

const CATEGORY_LABELS: Record<CatalogCategory, Record<Lang, string>> = {
  timing: { en: 'Timing & scheduling', es: 'Tiempo y horario' },
  presentation: { en: 'Presentation', es: 'Presentación' },
  response: { en: 'Response', es: 'Respuesta' },
  setting: { en: 'Setting', es: 'Lugar y entorno' },
  organisation: { en: 'Organization & behavior', es: 'Organización y conducta' },
  grading: { en: 'Grading', es: 'Calificación' },
};

const ENTRIES: CatalogEntry[] = [
  // Timing & scheduling
  {
    code: 'extended-time-1.5x',
    category: 'timing',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Extended time (1.5×)',
        summary:
          'Time and a half on tests and timed work, given automatically — the student does not have to ask.',
        inClass:
          'For a 20-minute task, allow 30 minutes. Plan where the student finishes when the class moves on.',
        whileGrading:
          'Set online quizzes to 1.5 times the time limit. Do not mark work late or incomplete because the extra time was used.',
        beforeClass:
          'Check the time limits on today’s quizzes and have a place ready for the student to finish.',
      },
      es: {
        title: 'Tiempo adicional (1.5×)',
        summary:
          'Tiempo y medio en exámenes y trabajos cronometrados, de forma automática: el estudiante no tiene que pedirlo.',
        inClass:
          'Para una tarea de 20 minutos, dé 30 minutos. Planee dónde terminará el estudiante cuando la clase pase a otra actividad.',
        whileGrading:
          'Configure las pruebas en línea con 1.5 veces el límite de tiempo. No marque el trabajo como tardío o incompleto por usar el tiempo adicional.',
        beforeClass:
          'Revise los límites de tiempo de las pruebas de hoy y tenga listo un lugar donde el estudiante pueda terminar.',
      },
    },
  },
  {
    code: 'extended-time-2x',
    category: 'timing',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Extended time (2×)',
        summary:
          'Double time on tests and timed work, given automatically — the student does not have to ask.',
        inClass:
          'For a 20-minute task, allow 40 minutes. Plan where the student finishes when the class moves on.',
        whileGrading:
          'Set online quizzes to twice the time limit. Do not mark work late or incomplete because the extra time was used.',
        beforeClass:
          'Check the time limits on today’s quizzes, and plan a place and an adult for the extra time.',
      },
      es: {
        title: 'Tiempo adicional (2×)',
        summary:
          'El doble de tiempo en exámenes y trabajos cronometrados, de forma automática: el estudiante no tiene que pedirlo.',
        inClass:
          'Para una tarea de 20 minutos, dé 40 minutos. Planee dónde terminará el estudiante cuando la clase pase a otra actividad.',
        whileGrading:
          'Configure las pruebas en línea con el doble del límite de tiempo. No marque el trabajo como tardío o incompleto por usar el tiempo adicional.',
        beforeClass:
          'Revise los límites de tiempo de las pruebas de hoy y planee un lugar y un adulto para el tiempo adicional.',
      },
    },
  },
  {
    code: 'breaks',
    category: 'timing',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Breaks during tests and long tasks',
        summary:
          'Allow short breaks during tests and long tasks. Break time does not count against the time allowed.',
        inClass:
          'Let the student step away briefly, then return to the same task. Agree on how they ask, such as a card on the desk.',
        whileGrading:
          'Grade as usual. If a timed online quiz ran out during a break, reopen it for the time that was left.',
        beforeClass:
          'Agree on where the student takes a break and how long it lasts, usually 2 to 5 minutes.',
      },
      es: {
        title: 'Descansos en exámenes y tareas largas',
        summary:
          'Permita descansos cortos durante exámenes y tareas largas. El tiempo de descanso no cuenta en el tiempo permitido.',
        inClass:
          'Deje que el estudiante se aparte un momento y luego vuelva a la misma tarea. Acuerden cómo lo pide, por ejemplo con una tarjeta en el escritorio.',
        whileGrading:
          'Califique como siempre. Si una prueba cronometrada en línea se cerró durante un descanso, vuelva a abrirla por el tiempo que faltaba.',
        beforeClass:
          'Acuerde dónde tomará el descanso el estudiante y cuánto dura, normalmente de 2 a 5 minutos.',
      },
    },
  },
  {
    code: 'extended-deadlines',
    category: 'timing',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Extended deadlines',
        summary:
          'Accept assignments up to the agreed number of days after the due date, with no late penalty.',
        inClass: 'When you give the assignment, tell the student the extended due date privately.',
        whileGrading:
          'Do not mark work late or take points off while it is within the extension. Leave the grade blank instead of a zero until then.',
        beforeClass: 'Write the extended due date on the student’s assignment list or planner.',
      },
      es: {
        title: 'Plazos de entrega extendidos',
        summary:
          'Acepte las tareas hasta el número de días acordado después de la fecha de entrega, sin penalización por retraso.',
        inClass: 'Al dar la tarea, dígale al estudiante en privado su nueva fecha de entrega.',
        whileGrading:
          'No marque el trabajo como tardío ni quite puntos dentro del plazo extendido. Hasta entonces, deje la calificación en blanco en lugar de poner un cero.',
        beforeClass:
          'Anote la fecha de entrega extendida en la lista de tareas o en la agenda del estudiante.',
      },
    },
  },
  {
    code: 'testing-multiple-sessions',
    category: 'timing',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Tests over several sessions',
        summary:
          'Split long tests into two or more sittings, on the same day or over several days.',
        inClass:
          'Stop at a planned point, such as the end of a section, and collect the test before the student leaves.',
        whileGrading:
          'Grade the test only after all sessions are done. Do not count the unfinished part as wrong in the meantime.',
        beforeClass:
          'Mark the stopping points on the test and book a time and place for the next session.',
      },
      es: {
        title: 'Exámenes en varias sesiones',
        summary: 'Divida los exámenes largos en dos o más sesiones, el mismo día o en varios días.',
        inClass:
          'Pare en un punto planeado, como el final de una sección, y recoja el examen antes de que el estudiante se vaya.',
        whileGrading:
          'Califique el examen solo cuando se hayan completado todas las sesiones. Mientras tanto, no cuente como incorrecta la parte sin terminar.',
        beforeClass:
          'Marque los puntos de pausa en el examen y reserve hora y lugar para la siguiente sesión.',
      },
    },
  },
  {
    code: 'advance-notice-of-tests',
    category: 'timing',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Advance notice of tests',
        summary: 'Announce tests and quizzes several days ahead. No pop quizzes.',
        inClass:
          'Post test dates where the student can see them, and mention them again the day before.',
        whileGrading:
          'If a quiz was given without notice, offer a retake or do not count it for this student.',
        beforeClass: 'Add upcoming test dates to the student’s planner or assignment list.',
      },
      es: {
        title: 'Aviso previo de exámenes',
        summary:
          'Anuncie los exámenes y las pruebas con varios días de anticipación. Sin pruebas sorpresa.',
        inClass:
          'Publique las fechas de examen donde el estudiante las vea y recuérdelas el día anterior.',
        whileGrading:
          'Si se dio una prueba sin aviso, ofrezca repetirla o no la cuente para este estudiante.',
        beforeClass:
          'Anote las próximas fechas de examen en la agenda o en la lista de tareas del estudiante.',
      },
    },
  },
  {
    code: 'extra-wait-time',
    category: 'timing',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Extra wait time',
        summary:
          'After asking the student a question, wait 5 to 10 seconds before rephrasing or moving on.',
        inClass:
          'Ask, then wait quietly. If you plan to call on the student, give them the question ahead of time.',
        whileGrading:
          'For oral answers and participation, do not lower the score for a slow start.',
        beforeClass:
          'When possible, share the discussion questions with the student before the lesson.',
      },
      es: {
        title: 'Más tiempo para responder',
        summary:
          'Después de hacerle una pregunta al estudiante, espere de 5 a 10 segundos antes de reformularla o seguir.',
        inClass:
          'Pregunte y espere en silencio. Si piensa pedirle que participe, dele la pregunta de antemano.',
        whileGrading:
          'En respuestas orales y participación, no baje la nota por tardar en empezar.',
        beforeClass:
          'Cuando sea posible, comparta con el estudiante las preguntas de la discusión antes de la lección.',
      },
    },
  },

  // Presentation
  {
    code: 'read-aloud',
    category: 'presentation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Read aloud',
        summary:
          'Read directions and questions aloud on tests and class work, but not passages that test reading.',
        inClass:
          'Read directions and questions word for word, as often as asked. Do not explain, hint or stress answers.',
        whileGrading:
          'Grade as usual. If the student took a test without the reading, let them redo those items with it.',
        beforeClass:
          'Arrange who will read and a quiet spot or small group, so others are not disturbed.',
      },
      es: {
        title: 'Lectura en voz alta',
        summary:
          'Lea en voz alta las instrucciones y preguntas en exámenes y trabajos, pero no los textos que evalúan la lectura.',
        inClass:
          'Lea las instrucciones y preguntas palabra por palabra, tantas veces como se lo pidan. No explique, no dé pistas ni enfatice respuestas.',
        whileGrading:
          'Califique como siempre. Si el estudiante hizo un examen sin la lectura en voz alta, permítale repetir esas preguntas con ella.',
        beforeClass:
          'Organice quién leerá y un lugar tranquilo o un grupo pequeño, para no molestar a los demás.',
      },
    },
  },
  {
    code: 'text-to-speech',
    category: 'presentation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Text-to-speech',
        summary:
          'Let the student have digital text read aloud by a computer or app, using headphones.',
        inClass:
          'Share readings and handouts as digital files the reading tool can open, not only on paper.',
        whileGrading:
          'Grade as usual. Check that online quizzes had the read-aloud tool turned on for this student.',
        beforeClass:
          'Check that the device, reading tool and headphones work, and post digital copies of today’s handouts.',
      },
      es: {
        title: 'Texto a voz',
        summary:
          'Permita que el estudiante use una computadora o aplicación que lea el texto digital en voz alta, con audífonos.',
        inClass:
          'Comparta las lecturas y hojas de trabajo como archivos digitales que la herramienta de lectura pueda abrir, no solo en papel.',
        whileGrading:
          'Califique como siempre. Verifique que las pruebas en línea tenían activada la herramienta de lectura para este estudiante.',
        beforeClass:
          'Verifique que funcionan el dispositivo, la herramienta de lectura y los audífonos, y publique copias digitales de las hojas de hoy.',
      },
    },
  },
  {
    code: 'large-print',
    category: 'presentation',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Large print',
        summary:
          'Give handouts and tests in large print (18-point or larger) or as enlarged copies.',
        inClass:
          'Enlarge slides or let the student view them on their own device. Keep handouts uncluttered, with clear spacing.',
        whileGrading: 'Grade as usual. Accept answers written larger or spread over more space.',
        beforeClass:
          'Print enlarged copies of today’s handouts and tests, with the same page order and numbering.',
      },
      es: {
        title: 'Letra grande',
        summary:
          'Entregue las hojas de trabajo y los exámenes en letra grande (18 puntos o más) o en copias ampliadas.',
        inClass:
          'Amplíe las diapositivas o deje que el estudiante las vea en su propio dispositivo. Use hojas sin adornos y con buen espaciado.',
        whileGrading:
          'Califique como siempre. Acepte respuestas escritas más grandes o que ocupen más espacio.',
        beforeClass:
          'Imprima copias ampliadas de las hojas y exámenes de hoy, con el mismo orden de páginas y la misma numeración.',
      },
    },
  },
  {
    code: 'directions-repeated',
    category: 'presentation',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Directions repeated',
        summary: 'Repeat directions as often as the student needs, in the same words.',
        inClass:
          'After giving directions to the class, repeat them quietly to the student. Leave the steps on the board.',
        whileGrading:
          'If the work shows the directions were misunderstood, let the student redo it after hearing them again.',
        beforeClass: 'Know today’s directions well enough to repeat them at the student’s desk.',
      },
      es: {
        title: 'Repetir las instrucciones',
        summary:
          'Repita las instrucciones tantas veces como el estudiante lo necesite, con las mismas palabras.',
        inClass:
          'Después de darlas a la clase, repítalas en voz baja al estudiante. Deje los pasos escritos en el pizarrón.',
        whileGrading:
          'Si el trabajo muestra que no entendió las instrucciones, permítale rehacerlo después de escucharlas otra vez.',
        beforeClass:
          'Conozca bien las instrucciones de hoy para poder repetirlas en el escritorio del estudiante.',
      },
    },
  },
  {
    code: 'directions-rephrased',
    category: 'presentation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Directions rephrased',
        summary: 'Say directions again in simpler words, broken into short steps.',
        inClass:
          'Use short sentences, one step at a time. Rephrase only the directions, never the test questions.',
        whileGrading:
          'If the student answered a different question than the one asked, check whether the directions were clear before taking points off.',
        beforeClass: 'Prepare a short, simpler version of today’s directions as numbered steps.',
      },
      es: {
        title: 'Instrucciones en otras palabras',
        summary:
          'Vuelva a dar las instrucciones con palabras más sencillas, divididas en pasos cortos.',
        inClass:
          'Use oraciones cortas, un paso a la vez. Cambie solo las instrucciones, nunca las preguntas del examen.',
        whileGrading:
          'Si el estudiante respondió algo distinto a lo que se pedía, revise si las instrucciones estaban claras antes de quitar puntos.',
        beforeClass:
          'Prepare una versión corta y más sencilla de las instrucciones de hoy, en pasos numerados.',
      },
    },
  },
  {
    code: 'written-directions',
    category: 'presentation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Written copy of directions',
        summary:
          'Give directions in writing as well as aloud, as a list of steps the student can check off.',
        inClass:
          'Post the steps on the board or put a card on the desk. Leave them up for the whole task.',
        whileGrading:
          'Grade as usual. If a step was missed, check that it was on the written list.',
        beforeClass:
          'Type today’s directions as numbered steps and put a copy on the student’s desk.',
      },
      es: {
        title: 'Instrucciones por escrito',
        summary:
          'Dé las instrucciones por escrito además de en voz alta, como una lista de pasos que el estudiante pueda marcar.',
        inClass:
          'Escriba los pasos en el pizarrón o ponga una tarjeta en el escritorio. Déjelos a la vista durante toda la tarea.',
        whileGrading:
          'Califique como siempre. Si faltó un paso, verifique que estaba en la lista escrita.',
        beforeClass:
          'Escriba las instrucciones de hoy en pasos numerados y deje una copia en el escritorio del estudiante.',
      },
    },
  },
  {
    code: 'chunked-tasks',
    category: 'presentation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Chunked tasks',
        summary:
          'Break long tasks into short parts, with fewer items per page and a check after each part.',
        inClass:
          'Hand out one part at a time, or fold the page. Check the first part before the student moves on.',
        whileGrading:
          'Grade each part as it is finished, and give feedback on the parts done, not only on the whole.',
        beforeClass:
          'Split today’s assignment into clearly separated parts, with fewer items per page.',
      },
      es: {
        title: 'Tareas por partes',
        summary:
          'Divida las tareas largas en partes cortas, con menos preguntas por página y una revisión después de cada parte.',
        inClass:
          'Entregue una parte a la vez, o doble la hoja. Revise la primera parte antes de que el estudiante siga.',
        whileGrading:
          'Califique cada parte al terminarla y comente las partes hechas, no solo el trabajo completo.',
        beforeClass:
          'Divida la tarea de hoy en partes bien separadas, con menos preguntas por página.',
      },
    },
  },
  {
    code: 'copy-of-notes',
    category: 'presentation',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Copy of notes',
        summary:
          'Give the student a copy of the lesson notes or slides, so they can listen instead of copying everything.',
        inClass:
          'Hand out the notes at the start of the lesson. The student adds key points in the margins.',
        whileGrading:
          'If notebooks are graded, accept the notes you provided along with the student’s additions.',
        beforeClass: 'Print or share today’s notes or slides before the lesson starts.',
      },
      es: {
        title: 'Copia de los apuntes',
        summary:
          'Dé al estudiante una copia de los apuntes o diapositivas de la lección, para que escuche en vez de copiarlo todo.',
        inClass:
          'Entregue los apuntes al inicio de la lección. El estudiante agrega los puntos clave en los márgenes.',
        whileGrading:
          'Si se califica el cuaderno, acepte los apuntes que usted entregó junto con lo que el estudiante agregó.',
        beforeClass:
          'Imprima o comparta los apuntes o diapositivas de hoy antes de que empiece la lección.',
      },
    },
  },
  {
    code: 'reduced-copying-from-board',
    category: 'presentation',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Less copying from the board',
        summary:
          'Give problems and homework on paper instead of having the student copy them from the board.',
        inClass: 'When you write a task on the board, put a printed copy on the student’s desk.',
        whileGrading:
          'Do not take points off for copying mistakes or for not copying the problem out.',
        beforeClass: 'Print the problems and homework that will go on the board today.',
      },
      es: {
        title: 'Menos copiar del pizarrón',
        summary:
          'Entregue en papel los problemas y la tarea, en vez de pedirle al estudiante que los copie del pizarrón.',
        inClass:
          'Cuando escriba una actividad en el pizarrón, ponga una copia impresa en el escritorio del estudiante.',
        whileGrading: 'No quite puntos por errores al copiar ni por no haber copiado el enunciado.',
        beforeClass: 'Imprima los problemas y la tarea que se escribirán hoy en el pizarrón.',
      },
    },
  },
  {
    code: 'graphic-organizer',
    category: 'presentation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Graphic organizer',
        summary:
          'Give a graphic organizer (idea web, chart or outline) for planning writing and organizing ideas.',
        inClass:
          'Fill in the organizer with the class example, then let the student use it for their own work.',
        whileGrading:
          'Accept the organizer as the planning step. Grade the ideas, not how the organizer looks.',
        beforeClass:
          'Print the organizer that fits today’s task, such as a story map or a comparison chart.',
      },
      es: {
        title: 'Organizador gráfico',
        summary:
          'Dé un organizador gráfico (mapa de ideas, tabla o esquema) para planear la escritura y ordenar las ideas.',
        inClass:
          'Llene el organizador con el ejemplo de la clase y luego deje que el estudiante lo use en su propio trabajo.',
        whileGrading:
          'Acepte el organizador como el paso de planeación. Califique las ideas, no la presentación del organizador.',
        beforeClass:
          'Imprima el organizador adecuado para la tarea de hoy, como un mapa de la historia o una tabla de comparación.',
      },
    },
  },
  {
    code: 'visual-schedule',
    category: 'presentation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Visual schedule',
        summary:
          'Post the day’s or the lesson’s activities in order, with words or pictures, and point to it at each change.',
        inClass: 'Point to the next activity before each change, and mark finished ones.',
        whileGrading:
          'Grade as usual. The schedule helps with routines; it does not change what is expected.',
        beforeClass:
          'Update the schedule with today’s activities, including changes such as an assembly or a substitute.',
      },
      es: {
        title: 'Horario visual',
        summary:
          'Muestre en orden las actividades del día o de la clase, con palabras o imágenes, y señálelo en cada cambio.',
        inClass: 'Señale la siguiente actividad antes de cada cambio y marque las que se terminen.',
        whileGrading:
          'Califique como siempre. El horario ayuda con las rutinas; no cambia lo que se espera.',
        beforeClass:
          'Actualice el horario con las actividades de hoy, incluidos cambios como una asamblea o un maestro suplente.',
      },
    },
  },
  {
    code: 'audio-books',
    category: 'presentation',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Audiobooks',
        summary:
          'Let the student listen to class books and long readings as audiobooks, following the text when possible.',
        inClass: 'During reading time, let the student listen with headphones and follow the text.',
        whileGrading:
          'Listening to the book counts as reading it. Grade understanding the same way as for other students.',
        beforeClass:
          'Find the audio version of the current book and check that the student can open it.',
      },
      es: {
        title: 'Audiolibros',
        summary:
          'Permita que el estudiante escuche en audiolibro los libros de la clase y las lecturas largas, siguiendo el texto cuando sea posible.',
        inClass:
          'Durante el tiempo de lectura, deje que el estudiante escuche con audífonos y siga el texto.',
        whileGrading:
          'Escuchar el libro cuenta como haberlo leído. Califique la comprensión igual que a los demás estudiantes.',
        beforeClass:
          'Busque la versión en audio del libro actual y verifique que el estudiante pueda abrirla.',
      },
    },
  },
  {
    code: 'highlighted-text',
    category: 'presentation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Highlighted key information',
        summary:
          'Highlight key words, directions and main ideas on handouts, and let the student use a highlighter.',
        inClass:
          'Show the student what to highlight in the first paragraph or problem, then let them continue.',
        whileGrading: 'Grade as usual. Highlighting is a tool, not part of the answer.',
        beforeClass:
          'Highlight the directions and key words on the student’s copy of today’s handouts.',
      },
      es: {
        title: 'Información clave resaltada',
        summary:
          'Resalte las palabras clave, las instrucciones y las ideas principales en las hojas, y permita que el estudiante use un marcador.',
        inClass:
          'Muestre al estudiante qué resaltar en el primer párrafo o problema, y luego deje que siga solo.',
        whileGrading:
          'Califique como siempre. Resaltar es una herramienta, no parte de la respuesta.',
        beforeClass:
          'Resalte las instrucciones y las palabras clave en la copia del estudiante de las hojas de hoy.',
      },
    },
  },
  {
    code: 'worked-examples',
    category: 'presentation',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Worked examples',
        summary:
          'Show a finished example of the task, step by step, and leave it where the student can see it.',
        inClass:
          'Work the first problem together, then leave the example on the desk or the board.',
        whileGrading: 'Grade as usual. Using the example to set up the work is allowed.',
        beforeClass: 'Prepare a solved example or a model answer for today’s task.',
      },
      es: {
        title: 'Ejemplos resueltos',
        summary:
          'Muestre un ejemplo resuelto de la tarea, paso a paso, y déjelo donde el estudiante pueda verlo.',
        inClass:
          'Resuelvan juntos el primer problema y luego deje el ejemplo en el escritorio o en el pizarrón.',
        whileGrading:
          'Califique como siempre. Está permitido usar el ejemplo para plantear el trabajo.',
        beforeClass: 'Prepare un ejemplo resuelto o una respuesta modelo para la tarea de hoy.',
      },
    },
  },
  {
    code: 'closed-captions',
    category: 'presentation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Captions on videos',
        summary:
          'Turn on captions, or give a transcript, for every video and audio clip used in class.',
        inClass:
          'Turn captions on before you press play. Pause long clips so the student can catch up.',
        whileGrading:
          'If a task was based on a video shown without captions, let the student redo it with captions.',
        beforeClass: 'Check that today’s videos have accurate captions, or find a transcript.',
      },
      es: {
        title: 'Subtítulos en los videos',
        summary:
          'Active los subtítulos, o dé una transcripción, de cada video y audio que se use en clase.',
        inClass:
          'Active los subtítulos antes de reproducir. Haga pausas en los videos largos para que el estudiante se ponga al día.',
        whileGrading:
          'Si una tarea se basó en un video sin subtítulos, permita que el estudiante la rehaga con subtítulos.',
        beforeClass:
          'Verifique que los videos de hoy tengan subtítulos correctos, o busque una transcripción.',
      },
    },
  },
  {
    code: 'study-guide',
    category: 'presentation',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Study guide before tests',
        summary: 'Give a study guide that lists what the test covers, a few days before the test.',
        inClass: 'Go over the guide with the student and point out the most important items.',
        whileGrading:
          'Grade as usual. If the test covered topics missing from the guide, consider not counting those items.',
        beforeClass: 'Prepare the study guide and hand it out when you announce the test.',
      },
      es: {
        title: 'Guía de estudio antes de exámenes',
        summary:
          'Dé una guía de estudio con los temas que cubre el examen, unos días antes del examen.',
        inClass: 'Repase la guía con el estudiante y señale lo más importante.',
        whileGrading:
          'Califique como siempre. Si el examen incluyó temas que no estaban en la guía, considere no contar esas preguntas.',
        beforeClass: 'Prepare la guía de estudio y entréguela cuando anuncie el examen.',
      },
    },
  },

  // Response
  {
    code: 'scribe',
    category: 'response',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Scribe',
        summary:
          'An adult writes down the student’s answers word for word, as the student says them.',
        inClass:
          'Write exactly what the student says. Do not correct, add or suggest. Read it back so the student can make changes.',
        whileGrading:
          'Grade the student’s ideas as dictated. Do not take points off for the adult’s handwriting or for not writing by hand.',
        beforeClass: 'Plan who will write and where, so the dictation does not disturb others.',
      },
      es: {
        title: 'Un adulto escribe las respuestas',
        summary:
          'Un adulto escribe las respuestas del estudiante palabra por palabra, tal como el estudiante las dice.',
        inClass:
          'Escriba exactamente lo que dice el estudiante. No corrija, no agregue ni sugiera. Léale lo escrito para que pueda hacer cambios.',
        whileGrading:
          'Califique las ideas del estudiante tal como las dictó. No quite puntos por la letra del adulto ni por no escribir a mano.',
        beforeClass: 'Planee quién escribirá y dónde, para que el dictado no moleste a los demás.',
      },
    },
  },
  {
    code: 'speech-to-text',
    category: 'response',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Speech-to-text',
        summary:
          'Let the student dictate written work to a device instead of typing or writing by hand.',
        inClass:
          'Let the student work where talking quietly is fine, with a headset microphone if possible.',
        whileGrading:
          'Grade the ideas. Do not take points off for errors the dictation tool made, such as wrong sound-alike words.',
        beforeClass:
          'Check that the device, microphone and dictation tool work, and find a spot where the student can speak quietly.',
      },
      es: {
        title: 'Voz a texto',
        summary:
          'Permita que el estudiante dicte su trabajo escrito a un dispositivo en vez de escribirlo a mano o en el teclado.',
        inClass:
          'Deje que el estudiante trabaje donde pueda hablar en voz baja, con audífonos con micrófono si es posible.',
        whileGrading:
          'Califique las ideas. No quite puntos por errores de la herramienta de dictado, como palabras que suenan parecido.',
        beforeClass:
          'Verifique que funcionan el dispositivo, el micrófono y la herramienta de dictado, y busque un lugar donde el estudiante pueda hablar en voz baja.',
      },
    },
  },
  {
    code: 'calculator',
    category: 'response',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Calculator',
        summary: 'Allow a calculator when computation is not the skill being assessed.',
        inClass:
          'Allow the calculator for word problems and multi-step work. The student still writes the setup on paper.',
        whileGrading:
          'Do not take points off for using a calculator. Items that test computation itself are done without it.',
        beforeClass:
          'Have a working calculator ready, and mark any items that test computation and must be done without it.',
      },
      es: {
        title: 'Calculadora',
        summary: 'Permita una calculadora cuando el cálculo no sea la destreza que se evalúa.',
        inClass:
          'Permita la calculadora en problemas verbales y de varios pasos. El estudiante escribe el planteamiento en papel.',
        whileGrading:
          'No quite puntos por usar la calculadora. Las preguntas que evalúan el cálculo mismo se hacen sin ella.',
        beforeClass:
          'Tenga lista una calculadora que funcione y marque las preguntas que evalúan el cálculo y deben hacerse sin ella.',
      },
    },
  },
  {
    code: 'word-bank',
    category: 'response',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Word bank',
        summary: 'Give a list of possible answers for fill-in-the-blank and short-answer items.',
        inClass:
          'Post the key vocabulary with the lesson, so the student sees the same words on tests.',
        whileGrading: 'Grade as usual. A correct answer taken from the bank earns full credit.',
        beforeClass:
          'Add a word bank to today’s quiz or worksheet, with a few extra words that are not answers.',
      },
      es: {
        title: 'Banco de palabras',
        summary:
          'Dé una lista de posibles respuestas para preguntas de completar y de respuesta corta.',
        inClass:
          'Publique el vocabulario clave con la lección, para que el estudiante vea las mismas palabras en los exámenes.',
        whileGrading:
          'Califique como siempre. Una respuesta correcta tomada del banco recibe el crédito completo.',
        beforeClass:
          'Agregue un banco de palabras a la prueba u hoja de hoy, con algunas palabras extra que no son respuestas.',
      },
    },
  },
  {
    code: 'reduced-answer-choices',
    category: 'response',
    modification: true,
    stateAssessment: 'not-allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Reduced answer choices',
        summary:
          'Offer fewer choices on multiple-choice items, for example 2 or 3 instead of 4. Often a modification.',
        inClass: 'On practice work, cross out one or two wrong choices before handing it out.',
        whileGrading:
          'Score the items as given. Follow school policy for noting modified work in the gradebook.',
        beforeClass:
          'Prepare the student’s copy of the test with one or two wrong choices removed from each item.',
      },
      es: {
        title: 'Menos opciones de respuesta',
        summary:
          'Ofrezca menos opciones en las preguntas de opción múltiple, por ejemplo 2 o 3 en vez de 4. A menudo es una modificación.',
        inClass:
          'En los ejercicios de práctica, tache una o dos opciones incorrectas antes de entregarlos.',
        whileGrading:
          'Califique las preguntas tal como se dieron. Siga la política de la escuela para anotar el trabajo modificado en el libro de calificaciones.',
        beforeClass:
          'Prepare la copia del examen del estudiante quitando una o dos opciones incorrectas de cada pregunta.',
      },
    },
  },
  {
    code: 'word-processor',
    category: 'response',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Word processor',
        summary: 'Let the student type written work on a computer instead of writing by hand.',
        inClass: 'Allow a laptop or tablet for notes and written work.',
        whileGrading:
          'Accept typed work for any handwritten task. Do not take points off for not writing by hand.',
        beforeClass:
          'Check that a device is charged and ready, with a place to save or turn in typed work.',
      },
      es: {
        title: 'Procesador de textos',
        summary: 'Permita que el estudiante escriba sus trabajos en computadora en vez de a mano.',
        inClass: 'Permita una computadora portátil o una tableta para apuntes y trabajos escritos.',
        whileGrading:
          'Acepte trabajos en computadora en lugar de trabajos a mano. No quite puntos por no escribir a mano.',
        beforeClass:
          'Verifique que haya un dispositivo cargado y listo, y un lugar para guardar o entregar el trabajo.',
      },
    },
  },
  {
    code: 'spell-check',
    category: 'response',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Spell-check',
        summary: 'Let the student use spell-check and grammar-check tools on written work.',
        inClass: 'Show the student how to review each suggestion instead of accepting them all.',
        whileGrading:
          'Using spell-check is not cheating. Turn it off only for items that test spelling.',
        beforeClass:
          'Make sure spell-check is on in the student’s writing tools, or have a handheld spell-checker ready.',
      },
      es: {
        title: 'Corrector ortográfico',
        summary:
          'Permita que el estudiante use el corrector ortográfico y gramatical en sus trabajos escritos.',
        inClass: 'Enseñe al estudiante a revisar cada sugerencia en vez de aceptarlas todas.',
        whileGrading:
          'Usar el corrector no es hacer trampa. Desactívelo solo en las preguntas que evalúan la ortografía.',
        beforeClass:
          'Asegúrese de que el corrector esté activado en las herramientas de escritura del estudiante, o tenga listo un corrector portátil.',
      },
    },
  },
  {
    code: 'multiplication-chart',
    category: 'response',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Multiplication chart',
        summary:
          'Let the student use a multiplication chart when math facts are not the skill being assessed.',
        inClass: 'Keep a chart on the desk or in the folder, and show how to find a fact quickly.',
        whileGrading:
          'Do not take points off for using the chart. Timed math-fact tests are done without it.',
        beforeClass: 'Tape a multiplication chart in the student’s folder or on the desk.',
      },
      es: {
        title: 'Tabla de multiplicar',
        summary:
          'Permita que el estudiante use una tabla de multiplicar cuando las operaciones básicas no sean la destreza que se evalúa.',
        inClass:
          'Deje la tabla en el escritorio o en la carpeta, y enséñele a encontrar un resultado rápido.',
        whileGrading:
          'No quite puntos por usar la tabla. Las pruebas cronometradas de operaciones básicas se hacen sin ella.',
        beforeClass:
          'Pegue una tabla de multiplicar en la carpeta o en el escritorio del estudiante.',
      },
    },
  },
  {
    code: 'number-line',
    category: 'response',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Number line',
        summary:
          'Let the student use a number line for counting, adding, subtracting and comparing numbers.',
        inClass:
          'Keep a number line on the desk that fits the lesson, including negatives or fractions when needed.',
        whileGrading:
          'Do not take points off for using the number line. Accept marks on it as shown work.',
        beforeClass:
          'Put a number line on the student’s desk that covers the numbers in today’s work.',
      },
      es: {
        title: 'Recta numérica',
        summary:
          'Permita que el estudiante use una recta numérica para contar, sumar, restar y comparar números.',
        inClass:
          'Tenga en el escritorio una recta numérica adecuada a la lección, con negativos o fracciones si hace falta.',
        whileGrading:
          'No quite puntos por usar la recta numérica. Acepte las marcas en ella como procedimiento.',
        beforeClass:
          'Ponga en el escritorio del estudiante una recta numérica que abarque los números del trabajo de hoy.',
      },
    },
  },
  {
    code: 'oral-responses',
    category: 'response',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Oral answers',
        summary: 'Let the student answer questions aloud to an adult instead of in writing.',
        inClass:
          'Ask the student to explain an answer to you in person, and note the key points they say.',
        whileGrading:
          'Grade the content of the oral answer with the same answer key or rubric as written answers.',
        beforeClass:
          'Plan a quiet time and place to hear the student’s answers, and keep the rubric at hand.',
      },
      es: {
        title: 'Respuestas orales',
        summary:
          'Permita que el estudiante responda en voz alta a un adulto en vez de por escrito.',
        inClass:
          'Pídale al estudiante que le explique su respuesta en persona y anote los puntos clave que dice.',
        whileGrading:
          'Califique el contenido de la respuesta oral con la misma clave o rúbrica que las respuestas escritas.',
        beforeClass:
          'Planee un momento y un lugar tranquilos para escuchar las respuestas del estudiante, y tenga la rúbrica a mano.',
      },
    },
  },
  {
    code: 'alternate-response-format',
    category: 'response',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Other ways to mark answers',
        summary:
          'Let the student point to, circle or mark answers in the test booklet instead of on a separate answer sheet.',
        inClass:
          'Accept answers circled on the worksheet or shown by pointing, with an adult writing them down.',
        whileGrading:
          'Accept answers marked in the booklet. An adult copies them to the answer sheet exactly as marked.',
        beforeClass: 'Plan who will copy the answers to the answer sheet after the test.',
      },
      es: {
        title: 'Otras formas de marcar respuestas',
        summary:
          'Permita que el estudiante señale, encierre o marque las respuestas en el cuadernillo, en vez de usar una hoja de respuestas aparte.',
        inClass:
          'Acepte respuestas encerradas en la hoja de trabajo o indicadas señalando, y que un adulto las anote.',
        whileGrading:
          'Acepte las respuestas marcadas en el cuadernillo. Un adulto las copia a la hoja de respuestas tal como fueron marcadas.',
        beforeClass:
          'Planee quién copiará las respuestas a la hoja de respuestas después del examen.',
      },
    },
  },
  {
    code: 'sentence-starters',
    category: 'response',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Sentence starters',
        summary:
          'Give the first words of sentences (for example “I think … because …”) to help the student start writing or speaking.',
        inClass: 'Post a few starters for the task and point to them when the student is stuck.',
        whileGrading:
          'Grade the ideas the student adds. Do not take points off for using the starters.',
        beforeClass: 'Write three or four starters for today’s writing or discussion on a card.',
      },
      es: {
        title: 'Inicios de oración',
        summary:
          'Dé las primeras palabras de las oraciones (por ejemplo, “Pienso que… porque…”) para ayudar al estudiante a empezar a escribir o a hablar.',
        inClass:
          'Publique algunos inicios para la tarea y señálelos cuando el estudiante no sepa cómo seguir.',
        whileGrading:
          'Califique las ideas que agrega el estudiante. No quite puntos por usar los inicios de oración.',
        beforeClass:
          'Escriba en una tarjeta tres o cuatro inicios de oración para la escritura o la discusión de hoy.',
      },
    },
  },
  {
    code: 'graph-paper',
    category: 'response',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Graph paper for math',
        summary: 'Let the student use graph paper to keep numbers and steps lined up in math work.',
        inClass: 'Offer graph paper for long calculations and for working out problems.',
        whileGrading:
          'Accept work done on graph paper in place of the worksheet, as long as the items are numbered.',
        beforeClass: 'Keep graph paper at the student’s desk or in the math folder.',
      },
      es: {
        title: 'Papel cuadriculado',
        summary:
          'Permita que el estudiante use papel cuadriculado para mantener alineados los números y los pasos en matemáticas.',
        inClass: 'Ofrezca papel cuadriculado para cálculos largos y para resolver problemas.',
        whileGrading:
          'Acepte el trabajo hecho en papel cuadriculado en lugar de la hoja, siempre que las preguntas estén numeradas.',
        beforeClass:
          'Tenga papel cuadriculado en el escritorio del estudiante o en su carpeta de matemáticas.',
      },
    },
  },
  {
    code: 'formula-sheet',
    category: 'response',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Formula and reference sheet',
        summary:
          'Let the student use a sheet of formulas, steps or key facts when remembering them is not the skill being assessed.',
        inClass:
          'Build the sheet with the student as new formulas are taught, and use it in class.',
        whileGrading:
          'Do not take points off for using the sheet. Grade how the formula is applied.',
        beforeClass:
          'Check that the sheet covers today’s topic and has been approved for use on tests.',
      },
      es: {
        title: 'Hoja de fórmulas y referencia',
        summary:
          'Permita que el estudiante use una hoja con fórmulas, pasos o datos clave cuando memorizarlos no sea la destreza que se evalúa.',
        inClass:
          'Preparen la hoja juntos a medida que se enseñan fórmulas nuevas, y úsenla en clase.',
        whileGrading: 'No quite puntos por usar la hoja. Califique cómo se aplica la fórmula.',
        beforeClass:
          'Verifique que la hoja cubra el tema de hoy y que esté aprobada para usarse en los exámenes.',
      },
    },
  },
  {
    code: 'adapted-writing-tools',
    category: 'response',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Adapted writing tools',
        summary:
          'Let the student use pencil grips, a slant board, wide-lined paper or other writing tools the plan lists.',
        inClass: 'Keep the tools at the student’s desk, so they are used without having to ask.',
        whileGrading:
          'Do not take points off for handwriting that is hard to read; ask the student to read it to you.',
        beforeClass:
          'Check that the student’s tools are at the desk and that wide-lined paper is ready.',
      },
      es: {
        title: 'Útiles de escritura adaptados',
        summary:
          'Permita que el estudiante use adaptadores para el lápiz, un atril inclinado, papel de renglones anchos u otros útiles que indique el plan.',
        inClass:
          'Deje los útiles en el escritorio del estudiante para que los use sin tener que pedirlos.',
        whileGrading:
          'No quite puntos por letra difícil de leer; pídale al estudiante que se la lea.',
        beforeClass:
          'Verifique que los útiles del estudiante estén en su escritorio y que haya papel de renglones anchos.',
      },
    },
  },

  // Setting
  {
    code: 'preferential-seating',
    category: 'setting',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Preferential seating',
        summary:
          'Seat the student near where you teach and away from doors, windows and other distractions.',
        inClass:
          'Keep the seat when the room is rearranged, and make it look like any other seat assignment.',
        whileGrading: 'Grade as usual. The seat does not change what is expected.',
        beforeClass:
          'Check the seating chart: near the front or the teacher, away from doors, windows and the pencil sharpener.',
      },
      es: {
        title: 'Asiento preferencial',
        summary:
          'Siente al estudiante cerca de donde usted enseña y lejos de puertas, ventanas y otras distracciones.',
        inClass:
          'Mantenga el asiento cuando se reorganice el salón, y que parezca una asignación como cualquier otra.',
        whileGrading: 'Califique como siempre. El asiento no cambia lo que se espera.',
        beforeClass:
          'Revise el plano de asientos: cerca del frente o del maestro, lejos de puertas, ventanas y el sacapuntas.',
      },
    },
  },
  {
    code: 'small-group-testing',
    category: 'setting',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Small-group testing',
        summary: 'Give tests and quizzes in a small group of students, with an adult supervising.',
        inClass:
          'At the start of the test, send the student with the test to the group room without calling attention to it.',
        whileGrading:
          'Grade as usual. Make sure tests taken in the group come back and are entered.',
        beforeClass:
          'Book the room and the adult for each test day, and send the test and any tools ahead.',
      },
      es: {
        title: 'Exámenes en grupo pequeño',
        summary:
          'Aplique los exámenes y las pruebas en un grupo pequeño de estudiantes, con un adulto que supervise.',
        inClass:
          'Al empezar el examen, envíe al estudiante con el examen al salón del grupo, sin llamar la atención.',
        whileGrading:
          'Califique como siempre. Asegúrese de que los exámenes hechos en el grupo regresen y se registren.',
        beforeClass:
          'Reserve el salón y el adulto para cada día de examen, y envíe antes el examen y los materiales necesarios.',
      },
    },
  },
  {
    code: 'separate-setting',
    category: 'setting',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Separate setting',
        summary: 'Give tests in a separate, quiet room, with the student alone with one adult.',
        inClass:
          'Move the student for tests, not for regular lessons, unless the plan says otherwise.',
        whileGrading: 'Grade as usual. Check that tests taken elsewhere come back complete.',
        beforeClass:
          'Reserve the room, tell the adult who supervises, and send the test and materials ahead.',
      },
      es: {
        title: 'Lugar aparte',
        summary:
          'Aplique los exámenes en un salón aparte y tranquilo, con el estudiante solo con un adulto.',
        inClass:
          'Traslade al estudiante para los exámenes, no para las clases normales, salvo que el plan diga otra cosa.',
        whileGrading:
          'Califique como siempre. Verifique que los exámenes hechos en otro lugar regresen completos.',
        beforeClass:
          'Reserve el salón, avise al adulto que supervisa y envíe antes el examen y los materiales.',
      },
    },
  },
  {
    code: 'noise-buffers',
    category: 'setting',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Noise buffers',
        summary:
          'Let the student wear noise-reducing headphones or earplugs during independent work and tests.',
        inClass:
          'Keep them available during work time; the student takes them off to hear directions.',
        whileGrading:
          'Grade as usual. If a test was taken in a noisy room without them, consider a retake.',
        beforeClass: 'Check that the headphones are in the room, within the student’s reach.',
      },
      es: {
        title: 'Protección contra el ruido',
        summary:
          'Permita que el estudiante use audífonos que reducen el ruido o tapones para los oídos durante el trabajo individual y los exámenes.',
        inClass:
          'Téngalos disponibles durante el trabajo; el estudiante se los quita para escuchar las instrucciones.',
        whileGrading:
          'Califique como siempre. Si hizo un examen en un salón ruidoso sin ellos, considere repetirlo.',
        beforeClass: 'Verifique que los audífonos estén en el salón, al alcance del estudiante.',
      },
    },
  },
  {
    code: 'quiet-workspace',
    category: 'setting',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Quiet workspace',
        summary:
          'Offer a quieter spot in the room, such as a study carrel or a corner desk, for independent work.',
        inClass: 'Offer it as a choice open to anyone, so the student does not stand out.',
        whileGrading: 'Grade as usual. Work done in the quiet spot is held to the same standard.',
        beforeClass:
          'Set up the carrel or quiet desk away from supplies and the flow of traffic in the room.',
      },
      es: {
        title: 'Espacio de trabajo tranquilo',
        summary:
          'Ofrezca un lugar más tranquilo en el salón, como un cubículo de estudio o un escritorio en una esquina, para el trabajo individual.',
        inClass:
          'Ofrézcalo como opción para cualquiera, para que el estudiante no llame la atención.',
        whileGrading:
          'Califique como siempre. El trabajo hecho en el lugar tranquilo se evalúa con el mismo criterio.',
        beforeClass:
          'Prepare el cubículo o el escritorio tranquilo lejos de los materiales y del paso de la gente.',
      },
    },
  },
  {
    code: 'flexible-seating',
    category: 'setting',
    modification: false,
    stateAssessment: 'allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Flexible seating',
        summary:
          'Let the student stand, use a wobble stool or seat cushion, or change seats while working.',
        inClass: 'Agree on where the student can stand or move without blocking others.',
        whileGrading:
          'Grade as usual. Do not lower participation grades for standing or shifting position.',
        beforeClass: 'Have the stool, cushion or standing spot ready before the student arrives.',
      },
      es: {
        title: 'Asientos flexibles',
        summary:
          'Permita que el estudiante trabaje de pie, use un banco móvil o un cojín, o cambie de asiento mientras trabaja.',
        inClass: 'Acuerden dónde puede estar de pie o moverse sin estorbar a los demás.',
        whileGrading:
          'Califique como siempre. No baje la nota de participación por estar de pie o cambiar de posición.',
        beforeClass:
          'Tenga listo el banco, el cojín o el lugar para trabajar de pie antes de que llegue el estudiante.',
      },
    },
  },
  {
    code: 'familiar-test-administrator',
    category: 'setting',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Familiar adult gives tests',
        summary:
          'Tests are given by an adult the student knows, such as their teacher or case manager.',
        inClass: 'Tell the student ahead of time who will give the test and where.',
        whileGrading:
          'Grade as usual. If a stranger gave the test and it went poorly, consider a retake.',
        beforeClass:
          'Confirm the familiar adult is free on test days, and plan a backup the student also knows.',
      },
      es: {
        title: 'Examen con un adulto conocido',
        summary:
          'Los exámenes los aplica un adulto que el estudiante conoce, como su maestro o su coordinador de caso.',
        inClass: 'Avise al estudiante con anticipación quién le dará el examen y dónde.',
        whileGrading:
          'Califique como siempre. Si lo aplicó una persona desconocida y le fue mal, considere repetirlo.',
        beforeClass:
          'Confirme que el adulto conocido esté disponible los días de examen y planee un suplente que el estudiante también conozca.',
      },
    },
  },

  // Organization & behavior
  {
    code: 'check-in-independent-work',
    category: 'organisation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Check-in at start of work',
        summary:
          'Check in with the student within the first few minutes of independent work, to be sure they started correctly.',
        inClass:
          'Go to the student first and quietly ask them to show you the first step. Come back once more mid-task.',
        whileGrading: 'If the check-in was missed and the work went off track, allow a redo.',
        beforeClass: 'Plan when the check-in happens during independent work, and who does it.',
      },
      es: {
        title: 'Verificación al empezar el trabajo',
        summary:
          'Acérquese al estudiante en los primeros minutos del trabajo individual para asegurarse de que empezó bien.',
        inClass:
          'Vaya primero con el estudiante y pídale en voz baja que le muestre el primer paso. Regrese una vez más a mitad de la tarea.',
        whileGrading: 'Si no hubo verificación y el trabajo se desvió, permita rehacerlo.',
        beforeClass:
          'Planee en qué momento del trabajo individual se hace la verificación y quién la hace.',
      },
    },
  },
  {
    code: 'private-redirection-signal',
    category: 'organisation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Private redirection signal',
        summary:
          'Use the agreed private signal (a tap on the desk, a card, a gesture) to redirect, not a public reminder.',
        inClass:
          'Use the signal first, then wait. Praise quietly when the student gets back on task.',
        whileGrading:
          'Grade as usual. Do not lower participation grades for behavior handled with the signal.',
        beforeClass:
          'Confirm the signal with the student and share it with any adult who covers the class.',
      },
      es: {
        title: 'Señal privada para redirigir',
        summary:
          'Use la señal privada acordada (un toque en el escritorio, una tarjeta, un gesto) para redirigir, en vez de un recordatorio en público.',
        inClass:
          'Use primero la señal y espere. Elogie en voz baja cuando el estudiante vuelva a la tarea.',
        whileGrading:
          'Califique como siempre. No baje la nota de participación por conductas atendidas con la señal.',
        beforeClass:
          'Confirme la señal con el estudiante y compártala con cualquier adulto que cubra la clase.',
      },
    },
  },
  {
    code: 'daily-assignment-list',
    category: 'organisation',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Daily assignment list',
        summary:
          'Give the student a written list of the day’s assignments and due dates before they leave.',
        inClass:
          'Post assignments in the same place every day, and check at the end of class that the student has them.',
        whileGrading: 'If an assignment was missing from the list, do not count it late.',
        beforeClass: 'Post today’s assignments and due dates online and on the board.',
      },
      es: {
        title: 'Lista diaria de tareas',
        summary:
          'Dé al estudiante una lista escrita de las tareas del día y sus fechas de entrega antes de que se vaya.',
        inClass:
          'Publique las tareas en el mismo lugar todos los días y verifique al final de la clase que el estudiante las tenga.',
        whileGrading: 'Si una tarea no estaba en la lista, no la cuente como tardía.',
        beforeClass: 'Publique en línea y en el pizarrón las tareas y fechas de entrega de hoy.',
      },
    },
  },
  {
    code: 'planner-check',
    category: 'organisation',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Planner check',
        summary:
          'Check and initial the student’s planner at the end of class, to be sure assignments are written down correctly.',
        inClass:
          'Save a minute at the end of class. Fix or add missing items together with the student.',
        whileGrading:
          'If a missed assignment was not in the checked planner, give extra time to turn it in.',
        beforeClass:
          'Remind the student to bring the planner, and have today’s assignments ready to compare.',
      },
      es: {
        title: 'Revisión de la agenda',
        summary:
          'Revise y firme la agenda del estudiante al final de la clase, para asegurarse de que anotó bien las tareas.',
        inClass:
          'Reserve un minuto al final de la clase. Corrija o agregue con el estudiante lo que falte.',
        whileGrading:
          'Si una tarea no entregada no estaba en la agenda revisada, dé tiempo extra para entregarla.',
        beforeClass:
          'Recuérdele al estudiante que traiga la agenda y tenga a mano las tareas de hoy para compararlas.',
      },
    },
  },
  {
    code: 'positive-reinforcement-plan',
    category: 'organisation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Positive reinforcement plan',
        summary:
          'Follow the agreed reward system: notice and praise the target behavior, and give the agreed reward.',
        inClass: 'Praise specific behavior, quietly and often. Record points as agreed.',
        whileGrading: 'Keep behavior points separate from academic grades.',
        beforeClass: 'Have the point sheet or chart ready, and know today’s goal and reward.',
      },
      es: {
        title: 'Plan de refuerzo positivo',
        summary:
          'Siga el sistema de recompensas acordado: note y elogie la conducta esperada, y dé la recompensa acordada.',
        inClass:
          'Elogie conductas concretas, en voz baja y con frecuencia. Anote los puntos como se acordó.',
        whileGrading: 'Mantenga los puntos de conducta separados de las calificaciones académicas.',
        beforeClass:
          'Tenga lista la hoja o tabla de puntos, y conozca la meta y la recompensa de hoy.',
      },
    },
  },
  {
    code: 'fidget-tools',
    category: 'organisation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Fidget tools',
        summary:
          'Allow a quiet fidget tool (stress ball, putty, textured strip) during lessons and tests.',
        inClass:
          'Agree on the rules: it stays quiet, stays on the desk or in hand, and is not thrown or shared.',
        whileGrading: 'Grade as usual. Using the fidget is not off-task behavior.',
        beforeClass: 'Check that the fidget is at the desk and quiet enough for tests.',
      },
      es: {
        title: 'Objetos para manipular',
        summary:
          'Permita un objeto silencioso para manipular (pelota antiestrés, plastilina, tira con textura) durante las clases y los exámenes.',
        inClass:
          'Acuerden las reglas: no hace ruido, se queda en el escritorio o en la mano, y no se lanza ni se comparte.',
        whileGrading: 'Califique como siempre. Usar el objeto no es falta de atención.',
        beforeClass:
          'Verifique que el objeto esté en el escritorio y que sea lo bastante silencioso para los exámenes.',
      },
    },
  },
  {
    code: 'teacher-check-for-understanding',
    category: 'organisation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Check for understanding',
        summary:
          'After giving directions or new material, ask the student to say back what to do before starting.',
        inClass:
          'Ask privately: “What will you do first?” Reteach the step if the answer is unclear.',
        whileGrading:
          'If errors show the task was misunderstood, reteach it and let the student redo the work.',
        beforeClass:
          'Plan one or two quick questions to check that the student understood today’s main task.',
      },
      es: {
        title: 'Comprobar la comprensión',
        summary:
          'Después de dar instrucciones o contenido nuevo, pídale al estudiante que repita qué debe hacer antes de empezar.',
        inClass:
          'Pregunte en privado: “¿Qué vas a hacer primero?”. Vuelva a explicar el paso si la respuesta no es clara.',
        whileGrading:
          'Si los errores muestran que no entendió la tarea, vuelva a explicarla y permita que rehaga el trabajo.',
        beforeClass:
          'Planee una o dos preguntas rápidas para comprobar que el estudiante entendió la tarea principal de hoy.',
      },
    },
  },
  {
    code: 'movement-breaks',
    category: 'organisation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Movement breaks',
        summary:
          'Give planned chances to move during class, such as handing out papers, an errand or standing to stretch.',
        inClass:
          'Offer a job that involves moving before restlessness builds, about every 20 to 30 minutes.',
        whileGrading: 'Grade as usual. Time spent on a movement break does not count as off task.',
        beforeClass: 'Have a few real classroom jobs ready that the student can do.',
      },
      es: {
        title: 'Pausas para moverse',
        summary:
          'Dé oportunidades planeadas para moverse en clase, como repartir hojas, hacer un mandado o pararse a estirarse.',
        inClass:
          'Ofrezca una tarea con movimiento antes de que aumente la inquietud, más o menos cada 20 a 30 minutos.',
        whileGrading:
          'Califique como siempre. El tiempo de la pausa no cuenta como falta de atención.',
        beforeClass: 'Tenga listas algunas tareas reales del salón que el estudiante pueda hacer.',
      },
    },
  },
  {
    code: 'visual-timer',
    category: 'organisation',
    modification: false,
    stateAssessment: 'varies',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Visual timer',
        summary:
          'Show the time left with a visible timer during timed work, so the student can pace themselves.',
        inClass:
          'Put the timer where the student can see it. With extended time, set it to the student’s own time.',
        whileGrading: 'Grade as usual. The timer helps with pacing; it does not shorten the time.',
        beforeClass:
          'Have a timer ready, on the board or on the desk, and know how long each activity lasts.',
      },
      es: {
        title: 'Temporizador visual',
        summary:
          'Muestre el tiempo restante con un temporizador visible durante el trabajo cronometrado, para que el estudiante se organice.',
        inClass:
          'Ponga el temporizador donde el estudiante lo vea. Si tiene tiempo adicional, ajústelo a su propio tiempo.',
        whileGrading:
          'Califique como siempre. El temporizador ayuda a organizarse; no reduce el tiempo.',
        beforeClass:
          'Tenga listo un temporizador, en el pizarrón o en el escritorio, y sepa cuánto dura cada actividad.',
      },
    },
  },
  {
    code: 'transition-warnings',
    category: 'organisation',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: false,
    text: {
      en: {
        title: 'Warnings before transitions',
        summary:
          'Tell the student a few minutes before an activity ends or changes, and again just before.',
        inClass:
          'Give a quiet 5-minute and 1-minute warning. Tell the student early about changes such as drills or assemblies.',
        whileGrading:
          'If work was cut short by a change without warning, let the student finish it.',
        beforeClass: 'Check today’s schedule for changes and tell the student early in the day.',
      },
      es: {
        title: 'Aviso antes de los cambios',
        summary:
          'Avise al estudiante unos minutos antes de que una actividad termine o cambie, y otra vez justo antes.',
        inClass:
          'Dé un aviso discreto a los 5 minutos y a 1 minuto. Avise con anticipación de cambios como simulacros o asambleas.',
        whileGrading:
          'Si el trabajo quedó incompleto por un cambio sin aviso, permita que el estudiante lo termine.',
        beforeClass:
          'Revise si hay cambios en el horario de hoy y avísele al estudiante temprano en el día.',
      },
    },
  },

  // Grading
  {
    code: 'no-spelling-penalty',
    category: 'grading',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'No spelling penalty',
        summary: 'Do not take points off for spelling unless spelling is the skill being assessed.',
        inClass:
          'Encourage the student to use the words they know, not only the ones they can spell.',
        whileGrading:
          'Read past misspellings for meaning. Do not take points off for spelling unless spelling is the skill assessed.',
        beforeClass: 'Mark the student’s rubric so spelling is scored only on spelling tasks.',
      },
      es: {
        title: 'Sin penalización por ortografía',
        summary:
          'No quite puntos por ortografía, a menos que la ortografía sea la destreza que se evalúa.',
        inClass:
          'Anime al estudiante a usar las palabras que conoce, no solo las que sabe escribir bien.',
        whileGrading:
          'Lea más allá de los errores de ortografía para captar el sentido. No quite puntos por ortografía, salvo que sea la destreza evaluada.',
        beforeClass:
          'Marque la rúbrica del estudiante para que la ortografía se califique solo en tareas de ortografía.',
      },
    },
  },
  {
    code: 'grade-on-content-not-mechanics',
    category: 'grading',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Grade content, not mechanics',
        summary:
          'Grade written work on ideas and content, not grammar, punctuation or handwriting, unless those are the skills assessed.',
        inClass: 'Tell the student that ideas count most, so they can write freely.',
        whileGrading:
          'Score the content rows of the rubric. Give feedback on mechanics without taking points off.',
        beforeClass: 'Mark which rubric rows are about content and which are about mechanics.',
      },
      es: {
        title: 'Calificar contenido, no convenciones',
        summary:
          'Califique el trabajo escrito por las ideas y el contenido, no por gramática, puntuación o letra, salvo que sean las destrezas evaluadas.',
        inClass:
          'Dígale al estudiante que las ideas son lo que más cuenta, para que escriba con libertad.',
        whileGrading:
          'Califique las filas de contenido de la rúbrica. Comente los errores de convenciones sin quitar puntos.',
        beforeClass: 'Marque qué filas de la rúbrica son de contenido y cuáles de convenciones.',
      },
    },
  },
  {
    code: 'shortened-assignments',
    category: 'grading',
    modification: true,
    stateAssessment: 'not-allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Shortened assignments',
        summary:
          'Assign fewer items that still cover each skill, such as every other problem. Often a modification.',
        inClass:
          'When you hand out the work, mark the items the student does (for example, circle the odd numbers).',
        whileGrading:
          'Grade only the assigned items and score out of that total. Do not count items that were not assigned as missing.',
        beforeClass:
          'Mark the items to complete on the student’s copy, keeping at least one of each type.',
      },
      es: {
        title: 'Tareas más cortas',
        summary:
          'Asigne menos preguntas que aún cubran cada destreza, por ejemplo un problema sí y otro no. A menudo es una modificación.',
        inClass:
          'Al entregar el trabajo, marque las preguntas que hará el estudiante (por ejemplo, encierre los números impares).',
        whileGrading:
          'Califique solo las preguntas asignadas y sobre ese total. No cuente como faltantes las que no se asignaron.',
        beforeClass:
          'Marque en la copia del estudiante las preguntas que debe hacer, dejando al menos una de cada tipo.',
      },
    },
  },
  {
    code: 'modified-grading',
    category: 'grading',
    modification: true,
    stateAssessment: 'not-allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Modified grading',
        summary:
          'Grade against the student’s adjusted goals or criteria, set with the case manager, not the standard rubric. A modification.',
        inClass: 'Teach the same lesson, and know which parts the student is expected to master.',
        whileGrading:
          'Use the adjusted rubric or criteria. Follow school policy for marking modified grades.',
        beforeClass: 'Get the adjusted criteria for each unit from the case manager.',
      },
      es: {
        title: 'Calificación modificada',
        summary:
          'Califique según las metas o criterios ajustados, acordados con el coordinador de caso, no según la rúbrica estándar. Es una modificación.',
        inClass: 'Dé la misma lección y sepa qué partes se espera que domine el estudiante.',
        whileGrading:
          'Use la rúbrica o los criterios ajustados. Siga la política de la escuela para marcar calificaciones modificadas.',
        beforeClass: 'Pida al coordinador de caso los criterios ajustados de cada unidad.',
      },
    },
  },
  {
    code: 'reduced-homework',
    category: 'grading',
    modification: true,
    stateAssessment: 'not-allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Reduced homework',
        summary:
          'Limit homework to the agreed time or amount, such as 20 minutes a night. Work done in that time counts as complete.',
        inClass: 'Point out the most important homework items so the student does them first.',
        whileGrading:
          'Grade what was done in the agreed time, out of that amount. Do not mark the rest as missing.',
        beforeClass: 'Mark the priority items on the homework sheet before handing it out.',
      },
      es: {
        title: 'Menos tarea para la casa',
        summary:
          'Limite la tarea al tiempo o la cantidad acordados, por ejemplo 20 minutos por noche. Lo hecho en ese tiempo cuenta como completo.',
        inClass:
          'Señale las preguntas más importantes de la tarea para que el estudiante las haga primero.',
        whileGrading:
          'Califique lo hecho en el tiempo acordado, sobre esa cantidad. No marque el resto como faltante.',
        beforeClass: 'Marque las preguntas prioritarias en la hoja de tarea antes de entregarla.',
      },
    },
  },
  {
    code: 'alternative-assessment',
    category: 'grading',
    modification: true,
    stateAssessment: 'not-allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Alternative assessment',
        summary:
          'Let the student show learning another way (project, oral presentation, demonstration) instead of the usual test.',
        inClass: 'Early in the unit, agree on the format and on what it must show.',
        whileGrading:
          'Grade with a rubric that covers the same key goals as the test, adjusted as agreed with the case manager.',
        beforeClass:
          'Prepare the alternative task, its rubric and the materials the student needs.',
      },
      es: {
        title: 'Evaluación alternativa',
        summary:
          'Permita que el estudiante demuestre lo aprendido de otra forma (proyecto, presentación oral, demostración) en vez del examen habitual.',
        inClass: 'Al inicio de la unidad, acuerden el formato y lo que debe demostrar.',
        whileGrading:
          'Califique con una rúbrica que cubra las mismas metas clave del examen, ajustadas según lo acordado con el coordinador de caso.',
        beforeClass:
          'Prepare la tarea alternativa, su rúbrica y los materiales que necesita el estudiante.',
      },
    },
  },
  {
    code: 'test-retakes',
    category: 'grading',
    modification: false,
    stateAssessment: 'not-allowed',
    gradingRelevant: true,
    text: {
      en: {
        title: 'Test retakes',
        summary:
          'Let the student retake a test, or correct mistakes for added credit, when the score is low.',
        inClass: 'Go over the errors with the student before the retake.',
        whileGrading:
          'Record the retake score as agreed, for example the higher of the two scores.',
        beforeClass: 'Prepare a second version of the test and book a time for the retake.',
      },
      es: {
        title: 'Repetir exámenes',
        summary:
          'Permita que el estudiante repita un examen, o corrija sus errores para recuperar puntos, cuando la nota sea baja.',
        inClass: 'Repase los errores con el estudiante antes de repetir el examen.',
        whileGrading:
          'Registre la nota del nuevo intento según lo acordado, por ejemplo la más alta de las dos.',
        beforeClass: 'Prepare una segunda versión del examen y reserve un momento para repetirlo.',
      },
    },
  },
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const FROZEN: readonly CatalogEntry[] = deepFreeze(ENTRIES);
const BY_CODE: ReadonlyMap<string, CatalogEntry> = new Map(
  FROZEN.map((entry) => [entry.code, entry]),
);

/** The entry for a code, or undefined when the code is not in the catalog. */
export function catalogEntry(code: string): CatalogEntry | undefined {
  return BY_CODE.get(code);
}

/** All entries, grouped by category in CATEGORY_ORDER. Frozen: do not mutate. */
export function catalogEntries(): readonly CatalogEntry[] {
  return FROZEN;
}

export function catalogCodes(): string[] {
  return FROZEN.map((entry) => entry.code);
}

/** Display label of a category, e.g. "Timing & scheduling" / "Tiempo y horario". */
export function categoryLabel(category: CatalogCategory, lang: Lang): string {
  return CATEGORY_LABELS[category][lang];
}
