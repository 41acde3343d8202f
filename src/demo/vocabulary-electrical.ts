import type { TopCategoryDef } from './catalogue-types.ts'

export const electricalCategories: readonly TopCategoryDef[] = [
  {
    slug: 'electric-motors',
    name: 'Electric Motors',
    description: 'AC and DC motors, geared motors and flameproof motors for every drive.',
    sellerWords: ['Electricals', 'Motors', 'Electro Engineers', 'Power Drives', 'Electric Works'],
    subcategories: [
      {
        slug: 'three-phase-induction-motors',
        name: 'Three Phase Induction Motors',
        description: 'Squirrel-cage TEFC motors in IE2 and IE3 efficiency classes.',
        templates: [
          {
            kinds: [
              'Three Phase Induction Motor',
              'TEFC Squirrel Cage Motor',
              'IE3 Premium Efficiency Motor',
            ],
            specs: [
              {
                name: ['Power', 'Output', 'Frame Size'],
                values: [
                  '0.5 HP|0.37 kW|71',
                  '1 HP|0.75 kW|80',
                  '2 HP|1.5 kW|90L',
                  '3 HP|2.2 kW|100L',
                  '5 HP|3.7 kW|112M',
                  '7.5 HP|5.5 kW|132S',
                  '10 HP|7.5 kW|132M',
                  '15 HP|11 kW|160M',
                  '20 HP|15 kW|160L',
                  '25 HP|18.5 kW|180M',
                  '30 HP|22 kW|180L',
                  '40 HP|30 kW|200L',
                  '50 HP|37 kW|225S',
                  '75 HP|55 kW|250M',
                  '100 HP|75 kW|280S',
                ],
                size: true,
              },
              { name: 'Speed', values: ['1440 RPM (4 Pole)', '2880 RPM (2 Pole)', '960 RPM (6 Pole)*1.25'] },
              { name: 'Efficiency Class', values: ['IE2', 'IE3*1.2'] },
              { name: 'Mounting', values: ['Foot (B3)', 'Flange (B5)*1.05', 'Foot cum Flange (B35)*1.08'] },
            ],
            titles: [
              '{Power} {kind}',
              '{kind} {Power}, {Speed}',
              '{Output} {Efficiency Class} {kind}, Frame {Frame Size}',
            ],
            units: [['piece', [1, 2, 5], 1]],
            price: [6800, 310000],
            features: [
              'Copper winding with Class F insulation and Class B temperature rise.',
              'Dynamically balanced rotor for low vibration and long bearing life.',
              'Terminal box can be turned in steps of 90 degrees.',
              'Routine tested; the test certificate is sent with each motor.',
              'Rated for 415 V ±10%, 50 Hz supply, in an IP55 enclosure.',
            ],
            uses: ['pumps, fans and blowers', 'compressors', 'conveyors and crushers', 'machine tools'],
            warranty: true,
          },
        ],
      },
      {
        slug: 'single-phase-motors',
        name: 'Single Phase Motors',
        description: 'Capacitor start and capacitor run motors for small machines.',
        templates: [
          {
            kinds: [
              'Single Phase Motor',
              'Capacitor Start Capacitor Run Motor',
              'Single Phase Induction Motor',
            ],
            specs: [
              {
                name: 'Power',
                values: ['0.25 HP', '0.5 HP', '0.75 HP', '1 HP', '1.5 HP', '2 HP', '3 HP'],
                size: true,
              },
              { name: 'Speed', values: ['1440 RPM', '2880 RPM'] },
              { name: 'Voltage', values: ['230 V, 50 Hz'] },
              { name: 'Body', values: ['Cast Iron', 'Aluminium*0.9'] },
              { name: 'Winding', values: ['Copper', 'Aluminium*0.8'], optional: true },
            ],
            titles: ['{Power} {kind}', '{kind} {Power}, {Speed}', '{Body} Body {kind} {Power}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [2900, 16500],
            features: [
              'High starting torque for compressors and loaded machines.',
              'Overload protector fitted in the terminal box.',
              'Sealed ball bearings need no greasing.',
            ],
            uses: [
              'flour mills and chaff cutters',
              'small compressors',
              'workshop machines',
              'domestic pumps',
            ],
            warranty: true,
          },
        ],
      },
      {
        slug: 'geared-motors',
        name: 'Geared Motors & Gearboxes',
        description: 'Helical, worm and inline geared motors and reduction gearboxes.',
        templates: [
          {
            kinds: [
              'Helical Geared Motor',
              'Worm Reduction Gearbox',
              'Inline Helical Gearbox',
              'Bevel Helical Geared Motor',
            ],
            specs: [
              {
                name: 'Power',
                values: ['0.25 HP', '0.5 HP', '1 HP', '2 HP', '3 HP', '5 HP', '10 HP', '20 HP'],
                size: true,
              },
              { name: 'Ratio', values: ['10:1', '20:1', '30:1', '40:1', '60:1', '80:1'] },
              { name: 'Output Speed', values: ['18 RPM', '24 RPM', '36 RPM', '48 RPM', '72 RPM', '144 RPM'] },
              { name: 'Mounting', values: ['Foot Mounted', 'Flange Mounted', 'Hollow Shaft*1.15'] },
              { name: 'Housing', values: ['Cast Iron', 'Aluminium*0.9'], optional: true },
            ],
            titles: ['{kind} {Power}, {Ratio}', '{Power} {kind}, {Output Speed}', '{Mounting} {kind}'],
            units: [['piece', [1, 2, 5], 1]],
            price: [6500, 185000],
            features: [
              'Case-hardened and ground gears for quiet running at full load.',
              'Filled with synthetic oil; no top-up needed for the first year.',
              'Dimensions interchangeable with common European gear units.',
            ],
            uses: [
              'conveyors and elevators',
              'mixers and agitators',
              'packaging machines',
              'cooling tower fans',
            ],
            warranty: true,
          },
        ],
      },
      {
        slug: 'flameproof-motors',
        name: 'Flameproof Motors',
        description: 'Ex d certified motors for hazardous areas in chemical and oil plants.',
        templates: [
          {
            kinds: ['Flameproof Motor', 'Ex d Flameproof Induction Motor'],
            specs: [
              {
                name: 'Power',
                values: ['1 HP', '2 HP', '3 HP', '5 HP', '7.5 HP', '10 HP', '15 HP', '25 HP', '50 HP'],
                size: true,
              },
              { name: 'Gas Group', values: ['IIA/IIB', 'IIC*1.3'] },
              { name: 'Speed', values: ['1440 RPM', '2880 RPM'] },
              { name: 'Certification', values: ['PESO Approved', 'PESO and BIS Approved*1.05'] },
              { name: 'Temperature Class', values: ['T3', 'T4'], optional: true },
            ],
            titles: ['{Power} {kind}', '{kind} {Power}, Gas Group {Gas Group}', '{kind}, {Certification}'],
            units: [['piece', [1, 2], 1]],
            price: [18000, 420000],
            features: [
              'Flameproof enclosure with certified cable entries.',
              'Suitable for Zone 1 and Zone 2 hazardous areas.',
              'Supplied with a copy of the type test certificate.',
            ],
            uses: [
              'pharma and chemical plants',
              'paint and solvent factories',
              'refineries',
              'fertiliser plants',
            ],
            warranty: true,
            priceOnRequest: 0.15,
          },
        ],
      },
      {
        slug: 'dc-motors',
        name: 'DC & BLDC Motors',
        description: 'PMDC, shunt-wound and brushless DC motors for variable speed drives.',
        templates: [
          {
            kinds: ['PMDC Motor', 'BLDC Motor', 'DC Shunt Motor', 'DC Geared Motor'],
            specs: [
              {
                name: 'Power',
                values: ['50 W', '100 W', '250 W', '0.5 HP', '1 HP', '2 HP', '5 HP'],
                size: true,
              },
              { name: 'Voltage', values: ['12 V DC', '24 V DC', '48 V DC', '180 V DC', '220 V DC'] },
              { name: 'Speed', values: ['1500 RPM', '3000 RPM', '100 RPM (Geared)'] },
              { name: 'Duty', values: ['S1 Continuous', 'S2 Short Time*0.9'] },
            ],
            titles: ['{Power} {kind}, {Voltage}', '{kind} {Power}', '{Voltage} {kind}, {Speed}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [1400, 42000],
            features: [
              'Rare-earth magnets give high torque in a compact frame.',
              'Hall sensors and a matching controller available.',
              'Epoxy-coated armature for humid locations.',
            ],
            uses: [
              'e-rickshaws and carts',
              'medical and lab equipment',
              'conveyors and automation',
              'solar pumps',
            ],
            warranty: true,
          },
        ],
      },
      {
        slug: 'vfd-soft-starters',
        name: 'VFDs & Motor Starters',
        description: 'Variable frequency drives, soft starters and DOL or star-delta starters.',
        templates: [
          {
            kinds: ['Variable Frequency Drive', 'AC Drive', 'Soft Starter'],
            specs: [
              {
                name: 'Motor Rating',
                values: ['1 HP', '2 HP', '5 HP', '10 HP', '20 HP', '30 HP', '50 HP', '75 HP'],
                size: true,
              },
              { name: 'Input', values: ['Single Phase 230 V*0.9', 'Three Phase 415 V'] },
              { name: 'Enclosure', values: ['IP20', 'IP54*1.3'] },
              { name: 'Control', values: ['V/f', 'Sensorless Vector*1.2'], optional: true },
              { name: 'Communication', values: ['Modbus RTU', 'None'], optional: true },
            ],
            titles: [
              '{Motor Rating} {kind}',
              '{kind} for {Motor Rating} Motor',
              '{kind} {Motor Rating}, {Input}',
            ],
            units: [['piece', [1, 2, 5], 1]],
            price: [6500, 168000],
            features: [
              'Built-in protection against overload, phase loss and under-voltage.',
              'Keypad with parameter copy makes commissioning quick.',
              'Saves energy on pumps and fans running at part load.',
            ],
            uses: ['pump and fan speed control', 'conveyor drives', 'compressor starting', 'HVAC systems'],
            warranty: true,
          },
          {
            kinds: ['Star Delta Starter', 'DOL Starter', 'Fully Automatic Star Delta Starter'],
            specs: [
              {
                name: 'Motor Rating',
                values: ['1 HP', '3 HP', '5 HP', '10 HP', '20 HP', '30 HP', '50 HP'],
                size: true,
              },
              {
                name: 'Enclosure',
                values: ['Sheet Metal IP42', 'Sheet Metal IP54*1.2', 'Polycarbonate*0.8'],
              },
              { name: 'Coil Voltage', values: ['415 V AC', '230 V AC'] },
              { name: 'Protection', values: ['Overload Relay', 'Overload and Single Phasing Preventer*1.2'] },
            ],
            titles: ['{Motor Rating} {kind}', '{kind} for {Motor Rating} Motor', '{kind}, {Enclosure}'],
            units: [['piece', [1, 5, 10], 1]],
            price: [1800, 42000],
            features: [
              'Pre-wired with contactors, timer and overload relay.',
              'Start and stop push buttons with indicating lamps.',
              'Powder-coated enclosure with a lockable door.',
            ],
            uses: ['pump sets', 'compressors', 'workshop machines', 'agricultural motors'],
          },
        ],
      },
    ],
  },
  {
    slug: 'electrical-switchgear',
    name: 'Electrical & Switchgear',
    description: 'Circuit breakers, contactors, panels, cables and wiring accessories.',
    sellerWords: [
      'Electricals',
      'Switchgear',
      'Electric Corporation',
      'Power Solutions',
      'Cables',
      'Electric Stores',
    ],
    subcategories: [
      {
        slug: 'mcb-rccb',
        name: 'MCBs & RCCBs',
        description: 'Miniature and residual current circuit breakers for distribution boards.',
        templates: [
          {
            kinds: ['Miniature Circuit Breaker (MCB)', 'MCB', 'MCB Isolator'],
            specs: [
              {
                name: 'Rated Current',
                values: ['6 A', '10 A', '16 A', '20 A', '32 A', '40 A', '63 A'],
                size: true,
              },
              { name: 'Poles', values: ['SP*0.5', 'DP', 'TP*1.6', 'FP*2.1'] },
              { name: 'Tripping Curve', values: ['B Curve', 'C Curve', 'D Curve*1.2'] },
              { name: 'Breaking Capacity', values: ['6 kA', '10 kA*1.2'], follows: true },
              { name: 'Standard', values: ['IS/IEC 60898-1'], optional: true },
            ],
            titles: [
              '{Rated Current} {Poles} {kind}',
              '{kind} {Rated Current}, {Tripping Curve}',
              '{Poles} {kind} {Rated Current} {Breaking Capacity}',
            ],
            units: [
              ['piece', [12, 24, 48], 1],
              ['box of 12', [1, 5, 10], 11.5],
            ],
            price: [165, 1100],
            features: [
              'Silver alloy contacts for long electrical life.',
              'Trip-free mechanism: the breaker trips even if the knob is held on.',
              'DIN rail mounting with a clear ON/OFF indicator.',
            ],
            uses: [
              'distribution boards',
              'commercial buildings',
              'machine control panels',
              'housing projects',
            ],
          },
          {
            kinds: ['RCCB', 'Residual Current Circuit Breaker', 'RCBO'],
            specs: [
              { name: 'Rated Current', values: ['25 A', '40 A', '63 A', '80 A', '100 A'], size: true },
              { name: 'Poles', values: ['2 Pole', '4 Pole*1.5'] },
              { name: 'Sensitivity', values: ['30 mA', '100 mA', '300 mA'] },
              // Not "Type: Type AC", which reads "Type Type AC" in a sentence.
              { name: 'Tripping Characteristic', values: ['Type AC', 'Type A*1.4'] },
              { name: 'Standard', values: ['IS 12640'], optional: true },
            ],
            titles: [
              '{Rated Current} {Poles} {kind} {Sensitivity}',
              '{kind} {Rated Current}, {Sensitivity}',
              '{Tripping Characteristic} {kind} {Rated Current}',
            ],
            units: [['piece', [6, 12, 24], 1]],
            price: [1350, 5200],
            features: [
              'Trips within 30 ms on earth leakage to protect people from shock.',
              'Test button to check the device every month.',
              'Works without an auxiliary supply.',
            ],
            uses: [
              'distribution boards',
              'hospitals and schools',
              'wet areas and workshops',
              'housing projects',
            ],
          },
        ],
      },
      {
        slug: 'mccb-acb',
        name: 'MCCBs & ACBs',
        description: 'Moulded case and air circuit breakers for feeders and main incomers.',
        templates: [
          {
            kinds: [
              'Moulded Case Circuit Breaker (MCCB)',
              'Air Circuit Breaker (ACB)',
              'Motor Protection MCCB',
            ],
            specs: [
              {
                name: 'Rated Current',
                values: ['63 A', '100 A', '160 A', '250 A', '400 A', '630 A', '800 A', '1600 A', '2500 A'],
                size: true,
              },
              { name: 'Poles', values: ['3 Pole', '4 Pole*1.3'] },
              {
                name: 'Breaking Capacity',
                values: ['25 kA', '36 kA*1.15', '50 kA*1.35', '65 kA*1.6'],
                follows: true,
              },
              { name: 'Release', values: ['Thermal Magnetic', 'Microprocessor*1.8'] },
              { name: 'Mounting', values: ['Fixed', 'Draw-out*1.4'], optional: true },
            ],
            titles: [
              '{Rated Current} {Poles} {kind}',
              '{kind} {Rated Current}, {Breaking Capacity}',
              '{Release} {kind} {Rated Current}',
            ],
            units: [['piece', [1, 2, 5], 1]],
            price: [3200, 420000],
            features: [
              'Adjustable overload and short-circuit settings.',
              'Double-break contacts with arc chutes for fast current limiting.',
              'Shunt trip and auxiliary contacts can be added on site.',
            ],
            uses: ['main LT panels', 'feeder protection', 'DG set incomers', 'industrial switchboards'],
            priceOnRequest: 0.12,
          },
        ],
      },
      {
        slug: 'contactors-relays',
        name: 'Contactors & Relays',
        description: 'Power contactors, overload relays, timers and control relays.',
        templates: [
          {
            kinds: ['AC Power Contactor', 'Thermal Overload Relay', 'Capacitor Duty Contactor'],
            specs: [
              {
                name: 'Rating',
                values: ['9 A', '12 A', '18 A', '25 A', '32 A', '40 A', '65 A', '95 A', '150 A'],
                size: true,
              },
              { name: 'Coil Voltage', values: ['24 V DC', '110 V AC', '230 V AC', '415 V AC'] },
              { name: 'Poles', values: ['3 Pole', '4 Pole*1.25'] },
              { name: 'Auxiliary Contacts', values: ['1 NO', '1 NO + 1 NC', '2 NO + 2 NC*1.1'] },
            ],
            titles: ['{kind} {Rating}, {Coil Voltage} Coil', '{Rating} {Poles} {kind}', '{kind} {Rating}'],
            units: [['piece', [5, 10, 20], 1]],
            price: [420, 14500],
            features: [
              'Cadmium-free silver alloy contacts meet RoHS requirements.',
              'Finger-safe terminals with captive screws.',
              'DIN rail and screw mounting in the same frame.',
            ],
            uses: ['motor starters', 'capacitor switching', 'lighting control', 'automation panels'],
          },
        ],
      },
      {
        slug: 'power-cables',
        name: 'Power Cables',
        description: 'LT armoured and unarmoured cables in copper and aluminium.',
        templates: [
          {
            kinds: [
              'XLPE Armoured Power Cable',
              'PVC Armoured Power Cable',
              'Unarmoured Power Cable',
              'LT Aerial Bunched Cable',
            ],
            specs: [
              {
                name: 'Size',
                values: [
                  '2.5 sq mm',
                  '4 sq mm',
                  '6 sq mm',
                  '10 sq mm',
                  '16 sq mm',
                  '25 sq mm',
                  '35 sq mm',
                  '50 sq mm',
                  '95 sq mm',
                  '150 sq mm',
                  '240 sq mm',
                ],
                size: true,
              },
              { name: 'Cores', values: ['2 Core*0.55', '3 Core*0.8', '3.5 Core*0.9', '4 Core'] },
              { name: 'Conductor', values: ['Aluminium', 'Copper*2.9'] },
              { name: 'Voltage Grade', values: ['1.1 kV'] },
              { name: 'Standard', values: ['IS 7098 Part 1', 'IS 1554 Part 1'], optional: true },
            ],
            titles: [
              '{Cores} {Size} {Conductor} {kind}',
              '{kind} {Cores} x {Size}, {Conductor}',
              '{Size} {Cores} {kind}',
            ],
            units: [
              ['metre', [100, 250, 500, 1000], 1],
              ['drum (500 m)', [1, 2], 480],
            ],
            price: [38, 1450],
            features: [
              'Electrolytic grade conductor, compacted for lower resistance.',
              'Galvanised steel strip armour for mechanical protection.',
              'Sequential metre marking on the outer sheath.',
              'Each drum is routine tested; the test report comes with it.',
            ],
            uses: [
              'factory power distribution',
              'underground feeders',
              'pump and motor connections',
              'solar plants',
            ],
          },
        ],
      },
      {
        slug: 'wires-flexible-cables',
        name: 'House Wires & Flexible Cables',
        description: 'FR and FRLS copper wires, flexible and multicore control cables.',
        templates: [
          {
            kinds: [
              'FR PVC Insulated Copper Wire',
              'FRLS House Wire',
              'Multicore Flexible Cable',
              'Control Cable',
            ],
            specs: [
              {
                name: 'Size',
                values: ['0.75 sq mm', '1 sq mm', '1.5 sq mm', '2.5 sq mm', '4 sq mm', '6 sq mm', '10 sq mm'],
                size: true,
              },
              {
                name: 'Cores',
                values: ['Single Core', '2 Core*2.1', '3 Core*3', '4 Core*3.9', '12 Core*10'],
              },
              { name: 'Insulation', values: ['FR PVC', 'FRLS PVC*1.1', 'HFFR*1.3'] },
              { name: 'Voltage Grade', values: ['1.1 kV'], optional: true },
              { name: 'Colour', values: ['Red', 'Black', 'Blue', 'Yellow', 'Green'], optional: true },
            ],
            titles: ['{Size} {kind}', '{kind} {Size}, {Cores}', '{Insulation} {kind}, {Size}'],
            units: [
              ['coil (90 m)', [1, 5, 10, 20], 1],
              ['metre', [100, 500], 0.012],
            ],
            price: [850, 11500],
            features: [
              'Bright annealed bare copper, 99.97% pure.',
              'Flame-retardant insulation that self-extinguishes.',
              'Full 90 metre length, checked on a counting machine.',
            ],
            uses: ['building wiring', 'control panels', 'appliances and machines', 'instrumentation'],
          },
        ],
      },
      {
        slug: 'panels-distribution-boards',
        name: 'Control Panels & Distribution Boards',
        description: 'Built-to-order LT, MCC, APFC and PLC panels and distribution boards.',
        templates: [
          {
            kinds: [
              'LT Distribution Panel',
              'Motor Control Centre (MCC) Panel',
              'APFC Panel',
              'PLC Control Panel',
              'Double Door Distribution Board',
            ],
            specs: [
              {
                name: 'Rating',
                values: ['63 A', '125 A', '250 A', '400 A', '800 A', '1600 A', '2500 A'],
                size: true,
              },
              { name: 'Sheet Thickness', values: ['14 SWG', '16 SWG'] },
              { name: 'Protection', values: ['IP42', 'IP54*1.1', 'IP65*1.3'] },
              { name: 'Busbar', values: ['Aluminium', 'Copper*1.4'] },
              { name: 'Installation', values: ['Indoor', 'Outdoor*1.2'], optional: true },
            ],
            titles: ['{Rating} {kind}', '{kind}, {Rating}, {Protection}', '{kind} with {Busbar} Busbar'],
            units: [['piece', [1], 1]],
            price: [9500, 1450000],
            features: [
              'Powder-coated CRCA enclosure, seven-tank pre-treated.',
              'Designed and wired to the single-line diagram you send.',
              'Factory acceptance test can be witnessed before dispatch.',
            ],
            uses: ['factory main incomers', 'pump houses', 'commercial buildings', 'water treatment plants'],
            warranty: true,
            priceOnRequest: 0.35,
          },
        ],
      },
      {
        slug: 'cable-glands-lugs',
        name: 'Cable Glands, Lugs & Accessories',
        description: 'Brass glands, copper and aluminium lugs, cable ties and terminal blocks.',
        templates: [
          {
            kinds: ['Brass Cable Gland', 'Double Compression Cable Gland', 'Nylon Cable Gland'],
            specs: [
              {
                name: 'Size',
                values: ['20 mm', '25 mm', '32 mm', '40 mm', '50 mm', '63 mm', '75 mm'],
                size: true,
              },
              { name: 'Thread', values: ['ET', 'Metric', 'NPT*1.2', 'PG'] },
              { name: 'Type', values: ['Single Compression', 'Double Compression*1.4'] },
              { name: 'Finish', values: ['Natural Brass', 'Nickel Plated*1.2'] },
            ],
            titles: ['{kind} {Size}', '{Type} {kind}, {Size}', '{Finish} {kind} {Size}'],
            units: [
              ['piece', [50, 100, 500], 1],
              ['box of 50', [1, 5, 10], 46],
            ],
            price: [14, 420],
            features: [
              'Thread forms checked with go and no-go gauges.',
              'Synthetic rubber seal suits armoured and unarmoured cables.',
              'Packed in labelled boxes by size.',
            ],
            uses: ['panel building', 'cable terminations', 'motor terminal boxes', 'electrical contractors'],
          },
          {
            kinds: ['Copper Cable Lug', 'Aluminium Cable Lug', 'Bimetallic Cable Lug', 'Pin Type Copper Lug'],
            specs: [
              {
                name: 'Cable Size',
                values: [
                  '1.5 sq mm',
                  '4 sq mm',
                  '10 sq mm',
                  '25 sq mm',
                  '70 sq mm',
                  '150 sq mm',
                  '300 sq mm',
                ],
                size: true,
              },
              { name: 'Type', values: ['Ring Type', 'Pin Type', 'Fork Type'] },
              { name: 'Finish', values: ['Tinned', 'Natural'] },
              { name: 'Stud Hole', values: ['M5', 'M6', 'M8', 'M10', 'M12'], follows: true },
            ],
            titles: ['{kind} {Cable Size}', '{Type} {kind}, {Cable Size}', '{Finish} {kind} {Cable Size}'],
            units: [
              ['piece', [100, 500], 1],
              ['box of 100', [1, 5, 10], 92],
            ],
            price: [3, 260],
            features: [
              'Made from electrolytic copper tube with an inspection hole.',
              'Tin plating protects against oxidation.',
              'Barrel dimensions suit standard hydraulic crimping dies.',
            ],
            uses: [
              'panel wiring',
              'substations',
              'transformer and motor terminations',
              'electrical contractors',
            ],
          },
        ],
      },
    ],
  },
]
